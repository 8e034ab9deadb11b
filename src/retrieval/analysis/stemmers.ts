/**
 * Snowball stemmers for the languages the analyser knows, with a small cache.
 * @module
 */

import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as germanStemmer } from '@orama/stemmers/german';

/** Reduces a folded, lowercase word to its stem. */
export type Stemmer = (word: string) => string;

const CACHE_LIMIT = 200_000;

function cached(stem: Stemmer): Stemmer {
  const cache = new Map<string, string>();
  return (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      result = stem(word);
      cache.set(word, result);
    }
    return result;
  };
}

/** Snowball English (Porter2). */
export const stemEnglish: Stemmer = cached(englishStemmer);

/** Snowball German. It also folds umlauts and ß, which the tokeniser has already done. */
export const stemGerman: Stemmer = cached(germanStemmer);
