/**
 * The text analyser behind the BM25 index: words, stop words, stems and German compounds.
 * @module
 */

import { decompound, type Lexicon } from './decompound.js';
import { analysisLanguage, type AnalysisLanguage } from './language.js';
import { stemEnglish, stemGerman } from './stemmers.js';
import { stopWordsFor } from './stop-words.js';
import { splitWords } from './word-splitter.js';

/**
 * How German compounds are handled.
 * - `none`: a compound is one term ("wanderschuh").
 * - `split`: a compound is indexed whole and as its known parts ("wanderschuh", "wand",
 *   "schuh"); known means present in the `lexicon`, normally the index vocabulary.
 * - `ngrams`: long words also yield their character 4-grams, marked with a leading "#".
 */
export type CompoundMode = 'none' | 'split' | 'ngrams';

/** Settings for {@link createAnalyzer}; all of them are plain data so an index can store them. */
export interface AnalyzerOptions {
  /** Default `split`, chosen on bench/german-compounds (see docs/decisions/2026-12-03-bm25.md). */
  compounds?: CompoundMode;
  /** Drop stopwords-iso words. Default true. */
  removeStopWords?: boolean;
}

/** Analyses text into index terms. */
export interface Analyzer {
  /** The terms of a text in a language tag ("de", "en-GB", "und"), in order, repeats kept. */
  tokens(text: string, language: string): string[];
}

const NGRAM_SIZE = 4;
const NGRAM_MIN_WORD = 7;

/**
 * Creates an analyser. German ("de-*") is stemmed with Snowball German, English with Snowball
 * English. Any other tag, "und" included, drops the stop words of both lists and yields both
 * stems of each word (once when they agree), so a query of unknown language still meets
 * documents analysed as English or German.
 *
 * @param lexicon the known terms that `split` mode cuts compounds into; the words of the text
 *   being analysed are always known too.
 */
export function createAnalyzer(options: AnalyzerOptions = {}, lexicon?: Lexicon): Analyzer {
  const compounds = options.compounds ?? 'split';
  const removeStopWords = options.removeStopWords ?? true;

  function stemsOf(word: string, language: AnalysisLanguage): string[] {
    if (language === 'en') return [stemEnglish(word)];
    if (language === 'de') return [stemGerman(word)];
    const english = stemEnglish(word);
    const german = stemGerman(word);
    return english === german ? [english] : [english, german];
  }

  function tokens(text: string, tag: string): string[] {
    const language = analysisLanguage(tag);
    const stopWords = stopWordsFor(language);
    const words = splitWords(text).filter((word) => !removeStopWords || !stopWords.has(word));
    const germanic = language !== 'en';
    const result: string[] = [];
    const ownTerms = new Set<string>();

    for (const word of words) {
      for (const stem of stemsOf(word, language)) {
        result.push(stem);
        ownTerms.add(stem);
      }
    }
    if (!germanic || compounds === 'none') return result;
    if (compounds === 'ngrams') return result.concat(words.flatMap(characterNgrams));

    const known: Lexicon = { has: (term) => ownTerms.has(term) || (lexicon?.has(term) ?? false) };
    return result.concat(words.flatMap((word) => decompound(word, known, stemGerman)));
  }

  return { tokens };
}

function characterNgrams(word: string): string[] {
  if (word.length < NGRAM_MIN_WORD) return [];
  const grams: string[] = [];
  for (let start = 0; start + NGRAM_SIZE <= word.length; start += 1) {
    grams.push(`#${word.slice(start, start + NGRAM_SIZE)}`);
  }
  return grams;
}
