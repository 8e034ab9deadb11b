import { describe, expect, it } from 'vitest';
import { corpusChrf, sentenceChrf } from './chrf.js';

// Expected values are worked out by hand below; every one also equals sacreBLEU 2.6.0's
// corpus_chrf / sentence_chrf with default settings (word_order 0 or 2).
describe('chrF', () => {
  it('gives 100 for identical texts and 0 when no character is shared', () => {
    expect(sentenceChrf('Grüße aus Köln', ['Grüße aus Köln']).score).toBeCloseTo(100, 10);
    expect(sentenceChrf('xyz', ['abc']).score).toBe(0);
  });

  it('gives 0 for an empty candidate', () => {
    expect(sentenceChrf('', ['abc']).score).toBe(0);
    expect(sentenceChrf('', ['abc'], { wordOrder: 2 }).score).toBe(0);
  });

  it('counts an umlaut as one character', () => {
    // "über" vs "übel": orders 1–4 give 3/4, 2/3, 1/2, 0/1 for precision and recall alike;
    // orders 5–6 have no n-grams and are left out. P = R = 23/48, so chrF = 47.9167.
    expect(sentenceChrf('über', ['übel']).score).toBeCloseTo((100 * 23) / 48, 10);
  });

  it('counts a 4-byte emoji as one character, not two UTF-16 units', () => {
    // "a😀" vs "a😀b": unigrams P 2/2 R 2/3, bigrams P 1/1 R 1/2, no trigrams in the candidate.
    // P = 1, R = 7/12, F2 = 5 × 7/12 / (4 + 7/12) = 7/11 → 63.6364.
    expect(sentenceChrf('a😀', ['a😀b']).score).toBeCloseTo(700 / 11, 10);
  });

  it('ignores whitespace for character n-grams', () => {
    expect(sentenceChrf('the cat', ['thecat']).score).toBeCloseTo(100, 10);
  });

  it('keeps the statistics of the best reference', () => {
    expect(sentenceChrf('abc', ['xyz', 'abc']).score).toBeCloseTo(100, 10);
  });

  it('reproduces sacreBLEU on its README example (chrF2 = 59.73)', () => {
    const candidates = [
      'The dog bit the man.',
      "It wasn't surprising.",
      'The man had just bitten him.',
    ];
    const references = [
      ['The dog bit the man.', 'The dog had bit the man.'],
      ['It was not unexpected.', 'No one was surprised.'],
      ['The man bit him first.', 'The man had bitten the dog.'],
    ];
    expect(corpusChrf(candidates, references).score).toBeCloseTo(59.7275, 4);
    expect(corpusChrf(candidates, references, { wordOrder: 2 }).score).toBeCloseTo(59.1531, 4);
  });
});

describe('chrF++ (wordOrder 2)', () => {
  it('splits trailing punctuation off words before counting word n-grams', () => {
    // Characters "thecat." vs "thecat": order n has P = (7-n)/(8-n), R = 1, so the six
    // character precisions sum to 4.407143. Words [the, cat, .] vs [the, cat]: unigrams P 2/3,
    // bigrams P 1/2, R = 1. chrF:   P = 4.407143/6 = 0.734524 → 5P / (4P + 1) = 93.2588.
    // chrF++: P = 5.573810/8 = 0.696726 → 5P / (4P + 1) = 91.9915.
    expect(sentenceChrf('the cat.', ['the cat']).score).toBeCloseTo(93.2588, 4);
    expect(sentenceChrf('the cat.', ['the cat'], { wordOrder: 2 }).score).toBeCloseTo(91.9915, 4);
  });

  it('sums statistics over the corpus before scoring', () => {
    const corpus = corpusChrf(['the cat.', 'über'], [['the cat'], ['übel']], { wordOrder: 2 });
    const mean = (91.9915 + 38.3333) / 2;
    expect(corpus.score).not.toBeCloseTo(mean, 2);
    expect(corpus.score).toBeGreaterThan(38.3333);
    expect(corpus.score).toBeLessThan(91.9915);
  });

  it('rejects a candidate list and reference list of different lengths', () => {
    expect(() => corpusChrf(['a'], [])).toThrow(/one list of references per candidate/);
  });
});
