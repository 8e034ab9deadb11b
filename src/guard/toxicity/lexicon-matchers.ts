/**
 * Obscenity matchers over the English and German lexicons, built once, returning matches
 * as word-aligned spans with word and category.
 * @module
 */

import { RegExpMatcher } from 'obscenity';

import type { GuardLanguage } from '../finding.js';
import { englishCategory, englishLexicon, englishTransformers } from './english-dataset.js';
import { germanDataset, germanTransformers } from './german-dataset.js';
import type { ToxicityCategory } from './toxicity-category.js';

export interface LexiconMatch {
  start: number;
  end: number;
  word: string;
  category: ToxicityCategory;
  lang: GuardLanguage;
}

let matchers: Record<GuardLanguage, RegExpMatcher> | undefined;

function built() {
  matchers ??= {
    en: new RegExpMatcher({ ...englishLexicon.build(), ...englishTransformers }),
    de: new RegExpMatcher({ ...germanDataset.build(), ...germanTransformers }),
  };
  return matchers;
}

const wordCharacter = /[\p{L}\p{N}$@*]/u;

/** Widens a match to the whole word(s) it sits in, so "Scheißwetter" is one span. */
function widen(text: string, start: number, end: number): [number, number] {
  let left = start;
  let right = end;
  while (left > 0 && wordCharacter.test(text[left - 1] ?? '')) left -= 1;
  while (right < text.length && wordCharacter.test(text[right] ?? '')) right += 1;
  return [left, right];
}

/** Lexicon matches of one language's matcher. */
export function lexiconMatches(text: string, lang: GuardLanguage): LexiconMatch[] {
  const matcher = built()[lang];
  return matcher.getAllMatches(text, true).map((payload): LexiconMatch => {
    const [start, end] = widen(text, payload.startIndex, payload.endIndex + 1);
    if (lang === 'de') {
      const metadata = germanDataset.getPayloadWithPhraseMetadata(payload).phraseMetadata;
      return {
        start,
        end,
        word: metadata?.word ?? '',
        category: metadata?.category ?? 'profanity',
        lang,
      };
    }
    const metadata = englishLexicon.getPayloadWithPhraseMetadata(payload).phraseMetadata;
    const word = metadata?.originalWord ?? '';
    return { start, end, word, category: metadata?.category ?? englishCategory(word), lang };
  });
}
