import { dictionary } from 'cmu-pronouncing-dictionary';

import { countHyphenationParts } from './count-hyphenation-parts.js';

/** Languages the readability formulas are defined for. */
export type ReadabilityLanguage = 'en' | 'de';

const STRESS_DIGIT = /[012]/g;

/**
 * Counts the syllables of one word (already stripped of punctuation).
 *
 * English: the vowels of the word's first pronunciation in the CMU pronouncing dictionary (each
 * vowel phoneme carries a stress digit 0, 1 or 2); words missing from the dictionary fall back to
 * the English hyphenation patterns. German: the parts produced by the German hyphenation patterns.
 * Both lower-case the word first. An empty word has 0 syllables; anything else at least 1.
 */
export function countSyllables(word: string, language: ReadabilityLanguage): number {
  const lowerCased = word.toLowerCase();
  if (lowerCased.length === 0) return 0;

  if (language === 'en') {
    const pronunciation = dictionary[lowerCased];
    const vowels = pronunciation?.match(STRESS_DIGIT)?.length ?? 0;
    if (vowels > 0) return vowels;
  }

  return countHyphenationParts(lowerCased, language);
}
