import { dictionary } from 'cmu-pronouncing-dictionary';
import { describe, expect, it } from 'vitest';

import { countSyllables } from './count-syllables.js';

describe('countSyllables', () => {
  it('counts stressed vowels from the CMU dictionary for English words, in any case', () => {
    // READABILITY: R IY2 D AH0 B IH1 L IH0 T IY0 → five vowels carry a stress digit.
    expect(dictionary['readability']).toBe('R IY2 D AH0 B IH1 L IH0 T IY0');
    expect(countSyllables('Readability', 'en')).toBe(5);
    expect(countSyllables('beautiful', 'en')).toBe(3);
    expect(countSyllables('every', 'en')).toBe(3);
    expect(countSyllables("don't", 'en')).toBe(1);
  });

  it('falls back to English hyphenation for words missing from the dictionary', () => {
    expect(dictionary['zorgblat']).toBeUndefined();
    expect(countSyllables('zorgblat', 'en')).toBe(2);
  });

  it('counts German hyphenation parts, umlauts included', () => {
    expect(countSyllables('Möglicherweise', 'de')).toBe(5);
    expect(countSyllables('Verständlichkeit', 'de')).toBe(4);
    expect(countSyllables('Bücher', 'de')).toBe(2);
    expect(countSyllables('schläft', 'de')).toBe(1);
    // The patterns never split off a single first letter, so "Ü-bung" stays one part.
    expect(countSyllables('Übung', 'de')).toBe(1);
  });

  it('counts a number as one syllable and an empty word as none', () => {
    expect(countSyllables('2026', 'en')).toBe(1);
    expect(countSyllables('2026', 'de')).toBe(1);
    expect(countSyllables('', 'en')).toBe(0);
  });
});
