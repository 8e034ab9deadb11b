import { describe, expect, it } from 'vitest';

import { countSentences, splitWords } from './split-text.js';

describe('splitWords', () => {
  it('drops punctuation without a gap and keeps apostrophes inside words', () => {
    expect(splitWords("Don't 'quote' it — it’s well-known, “yes”?")).toEqual([
      "Don't",
      'quote',
      'it',
      "it's",
      'wellknown',
      'yes',
    ]);
  });

  it('keeps umlauts, ß and digits; a decimal number is one word', () => {
    expect(splitWords('Grüße aus Köln: 3,5 % für 2026.')).toEqual([
      'Grüße',
      'aus',
      'Köln',
      '35',
      'für',
      '2026',
    ]);
  });

  it('returns no words for an empty or punctuation-only text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' ... !? ')).toEqual([]);
  });
});

describe('countSentences', () => {
  it('splits on runs of . ! ? and ignores empty stretches', () => {
    expect(countSentences('One. Two!! Three?! Four...')).toBe(4);
  });

  it('does not end a sentence at a point between digits', () => {
    expect(countSentences('We paid 3.5 dollars. It cost 1.000 euros.')).toBe(2);
  });

  it('counts a text without an end mark, and an empty text, as one sentence', () => {
    expect(countSentences('no end mark here')).toBe(1);
    expect(countSentences('')).toBe(1);
  });
});
