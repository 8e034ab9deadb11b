import { describe, expect, it } from 'vitest';

import { readability } from './readability.js';

describe('readability (English, Flesch reading ease)', () => {
  it('scores one-syllable words in one sentence', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.145
    const result = readability('The cat sat on the mat.', 'en');
    expect(result.statistics).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(result.flesch_reading_ease).toBeCloseTo(116.145, 9);
  });

  it('scores longer words with CMU syllable counts', () => {
    // readability 5, matters 2, beautiful 3, gardens 2, grow 1, slowly 2 = 15 syllables;
    // 6 words, 2 sentences: 206.835 − 1.015 × 3 − 84.6 × 2.5 = −7.71
    const result = readability('Readability matters. Beautiful gardens grow slowly!', 'en');
    expect(result.statistics).toMatchObject({ words: 6, sentences: 2, syllables: 15 });
    expect(result.flesch_reading_ease).toBeCloseTo(-7.71, 9);
  });

  it('counts numbers as one-syllable words and keeps a decimal inside its sentence', () => {
    // We 1, paid 1, 35 1, dollars 2, in 1, 2026 1 = 7 syllables; 6 words, 1 sentence:
    // 206.835 − 1.015 × 6 − 84.6 × 7 / 6 = 206.835 − 6.09 − 98.7 = 102.045
    const result = readability('We paid 3.5 dollars in 2026.', 'en');
    expect(result.statistics).toMatchObject({ words: 6, sentences: 1, syllables: 7 });
    expect(result.flesch_reading_ease).toBeCloseTo(102.045, 9);
  });
});

describe('readability (German, Amstad and Wiener Sachtextformel)', () => {
  it('scores a German text with umlauts', () => {
    // Die 1 Katze 2 schläft 1 auf 1 dem 1 Sofa 2 | Möglicherweise 5 ist 1 die 1
    // Verständlichkeit 4 des 1 Textes 2 schön 1 | Übung 1 macht 1 den 1 Meister 2
    // → 17 words, 3 sentences, 28 syllables; 11 of one syllable, 2 of three or more,
    // 4 of more than six letters (schläft, Möglicherweise, Verständlichkeit, Meister).
    const text =
      'Die Katze schläft auf dem Sofa. Möglicherweise ist die Verständlichkeit des Textes ' +
      'schön! Übung macht den Meister.';
    const result = readability(text, 'de');
    expect(result.statistics).toEqual({
      words: 17,
      sentences: 3,
      syllables: 28,
      monosyllabicWords: 11,
      polysyllabicWords: 2,
      longWords: 4,
    });
    // Amstad: 180 − 17 / 3 − 58.5 × 28 / 17 = 180 − 5.666667 − 96.352941 = 77.980392
    expect(result.flesch_reading_ease).toBeCloseTo(77.980392, 5);
    // MS = 200/17 = 11.764706, SL = 5.666667, IW = 400/17 = 23.529412, ES = 1100/17 = 64.705882
    // 0.1935 × MS + 0.1672 × SL + 0.1297 × IW − 0.0327 × ES − 0.875
    // = 2.276471 + 0.947467 + 3.051765 − 2.115882 − 0.875 = 3.284820
    expect(result.wiener_sachtextformel).toBeCloseTo(3.28482, 5);
  });
});

describe('readability of a text without words', () => {
  it('returns null scores and zero counts instead of dividing by zero', () => {
    for (const text of ['', '   ', '... !?']) {
      const german = readability(text, 'de');
      expect(german.flesch_reading_ease).toBeNull();
      expect(german.wiener_sachtextformel).toBeNull();
      expect(german.statistics).toMatchObject({ words: 0, sentences: 1, syllables: 0 });
      expect(readability(text, 'en').flesch_reading_ease).toBeNull();
    }
  });
});
