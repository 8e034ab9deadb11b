import { describe, expect, it } from 'vitest';
import { corpusBleu, sentenceBleu } from './bleu.js';

// Expected values are worked out by hand below; every one also equals sacreBLEU 2.6.0's
// corpus_bleu / sentence_bleu with default settings.
describe('corpusBleu', () => {
  it('gives 100 for a candidate identical to its reference', () => {
    const result = corpusBleu(['The cat sat on the mat.'], [['The cat sat on the mat.']]);
    expect(result.score).toBeCloseTo(100, 10);
    expect(result.precisions).toEqual([100, 100, 100, 100]);
    expect(result).toMatchObject({ bp: 1, sysLen: 7, refLen: 7 });
  });

  it('gives 0 when no word is shared', () => {
    expect(corpusBleu(['alpha beta gamma delta'], [['one two three four']]).score).toBe(0);
  });

  it('gives 0 with a zero brevity penalty for an empty candidate', () => {
    const result = corpusBleu([''], [['the cat']]);
    expect(result).toMatchObject({ score: 0, bp: 0, sysLen: 0, refLen: 2 });
  });

  it('clips repeated words by their count in the reference', () => {
    // "the" ×4 against "the cat": unigrams 1 of 4 → 25. Bigrams 0 of 3, so 'exp' smoothing
    // gives 100 / (2 × 3) = 16.667, then 100 / (4 × 2) = 12.5 and 100 / (8 × 1) = 12.5.
    // BLEU = (25 × 16.667 × 12.5 × 12.5)^(1/4) = 65104.17^(1/4) = 15.9736; BP = 1 (4 ≥ 2).
    const result = corpusBleu(['the the the the'], [['the cat']]);
    expect(result.counts).toEqual([1, 0, 0, 0]);
    expect(result.totals).toEqual([4, 3, 2, 1]);
    expect(result.precisions[1]).toBeCloseTo(100 / 6, 10);
    expect(result.score).toBeCloseTo(15.9736, 4);
  });

  it('applies the brevity penalty exp(1 - r/c) for a short candidate', () => {
    // 4 tokens against 6, all n-grams matched: BLEU = 100 × exp(1 - 6/4) = 60.6531.
    const result = corpusBleu(['the cat sat on'], [['the cat sat on the mat']]);
    expect(result.bp).toBeCloseTo(Math.exp(-0.5), 12);
    expect(result.score).toBeCloseTo(60.6531, 4);
  });

  it('takes the closest reference length, the shorter one on a tie', () => {
    // Candidate of 4 tokens; references of 3 and 5 tokens are equally close, so r = 3.
    const result = corpusBleu(['a b c d'], [['a b c', 'a b c d e']]);
    expect(result.refLen).toBe(3);
    expect(result.bp).toBe(1);
  });

  it('reproduces the sacreBLEU README example (BLEU = 48.53 82.4/50.0/45.5/37.5)', () => {
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
    const result = corpusBleu(candidates, references);
    // Counts 14/17, 7/14, 5/11, 3/8; c = 17, r = 18, BP = exp(1 - 18/17) = 0.9429.
    expect(result.counts).toEqual([14, 7, 5, 3]);
    expect(result.totals).toEqual([17, 14, 11, 8]);
    expect(result).toMatchObject({ sysLen: 17, refLen: 18 });
    expect(result.score).toBeCloseTo(48.5308, 4);
  });

  it('rejects a candidate list and reference list of different lengths', () => {
    expect(() => corpusBleu(['a', 'b'], [['a']])).toThrow(/one list of references per candidate/);
    expect(() => corpusBleu(['a'], [[]])).toThrow(/at least one reference/);
  });
});

describe('sentenceBleu', () => {
  it('smooths a zero-match order and drops orders the sentence is too short for', () => {
    // "the cat runs" vs "the cat sat": 2/3 → 66.667, 1/2 → 50, trigram 0/1 → 100 / (2 × 1) = 50,
    // no 4-grams so the mean runs over 3 orders: (66.667 × 50 × 50)^(1/3) = 55.0321.
    const result = sentenceBleu('the cat runs', ['the cat sat']);
    expect(result.precisions).toEqual([(100 * 2) / 3, 50, 50, 0]);
    expect(result.score).toBeCloseTo(55.0321, 4);
  });

  it('differs from corpus BLEU on a three-word sentence, which has no 4-grams', () => {
    // Three matched orders, BP = exp(1 - 4/3): sentence BLEU = 100 × 0.716531 = 71.6531.
    // Corpus BLEU keeps order 4 with precision 0, which drives the score to 0.
    expect(sentenceBleu('the cat sat', ['the cat sat down']).score).toBeCloseTo(71.6531, 4);
    expect(corpusBleu(['the cat sat'], [['the cat sat down']]).score).toBe(0);
  });

  it('clips each n-gram by its largest count in any one reference', () => {
    // Refs "a cat sat" and "the dog sat": unigrams 3/3, bigrams 1/2 ("cat sat"), trigram 0/1
    // → 100 / 2 = 50. (100 × 50 × 50)^(1/3) = 62.9961.
    expect(sentenceBleu('the cat sat', ['a cat sat', 'the dog sat']).score).toBeCloseTo(62.9961, 4);
  });

  it('gives 0 for an empty candidate', () => {
    expect(sentenceBleu('', ['the cat']).score).toBe(0);
  });

  it('keeps "2.5" as one token, so it matches only "2.5"', () => {
    // Tokens: "costs 2.5 ." vs "costs 2.5 ." → identical; "costs 2 . 5" would not match.
    expect(sentenceBleu('costs 2.5.', ['costs 2.5.']).score).toBeCloseTo(100, 10);
    expect(sentenceBleu('costs 2.5', ['costs 2 . 5']).precisions[0]).toBe(50);
  });
});
