import { describe, expect, it } from 'vitest';

import { rougeL, rougeLsum, rougeN, rougeScores, tokenizeForRouge } from './rouge.js';
import type { RougeScore } from './rouge.js';

function expectScore(actual: RougeScore, precision: number, recall: number, fmeasure: number) {
  expect(actual.precision).toBeCloseTo(precision, 6);
  expect(actual.recall).toBeCloseTo(recall, 6);
  expect(actual.fmeasure).toBeCloseTo(fmeasure, 6);
}

describe('tokenizeForRouge', () => {
  it('lowercases and splits on everything outside [a-z0-9], umlauts included', () => {
    // 'ö', 'ß' and 'ü' are separators, as in rouge-score.
    expect(tokenizeForRouge('Größe, Übergröße!', false)).toEqual(['gr', 'e', 'bergr', 'e']);
    expect(tokenizeForRouge('Revenue grew 12.5% in 2024', false)).toEqual([
      'revenue',
      'grew',
      '12',
      '5',
      'in',
      '2024',
    ]);
  });

  it('stems only tokens longer than three characters', () => {
    // porterStem('was') would be 'wa', but three-letter tokens are kept; 'this' -> 'thi'.
    expect(tokenizeForRouge('was this running', true)).toEqual(['was', 'thi', 'run']);
    expect(tokenizeForRouge('was this running', false)).toEqual(['was', 'this', 'running']);
  });
});

describe('rougeN and rougeL', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    const text = 'The cat sat on the mat';
    expectScore(rougeN(text, text, 1), 1, 1, 1);
    expectScore(rougeN(text, text, 2), 1, 1, 1);
    expectScore(rougeL(text, text), 1, 1, 1);
    expectScore(rougeN('alpha beta', 'gamma delta', 1), 0, 0, 0);
    expectScore(rougeL('alpha beta', 'gamma delta'), 0, 0, 0);
  });

  it('clips repeated candidate words by their count in the reference', () => {
    // Reference {the:1, cat:1}, candidate {the:4}: overlap min(1,4) = 1.
    // P = 1/4, R = 1/2, F = 2 * (1/8) / (3/4) = 1/3. Bigrams: 'the the' x3 vs 'the cat': 0.
    expectScore(rougeN('the cat', 'the the the the', 1), 1 / 4, 1 / 2, 1 / 3);
    expectScore(rougeN('the cat', 'the the the the', 2), 0, 0, 0);
    expectScore(rougeL('the cat', 'the the the the'), 1 / 4, 1 / 2, 1 / 3);
  });

  it('keeps numbers as tokens and splits them at punctuation', () => {
    // Reference: revenue grew 12 5 in 2024; candidate: revenue grew 12 percent in 2024.
    // Unigrams: 5 of 6 shared. Bigrams: 'revenue grew', 'grew 12', 'in 2024' = 3 of 5.
    // LCS: revenue grew 12 in 2024 = 5.
    const reference = 'Revenue grew 12.5% in 2024';
    const candidate = 'revenue grew 12 percent in 2024';
    expectScore(rougeN(reference, candidate, 1), 5 / 6, 5 / 6, 5 / 6);
    expectScore(rougeN(reference, candidate, 2), 3 / 5, 3 / 5, 3 / 5);
    expectScore(rougeL(reference, candidate), 5 / 6, 5 / 6, 5 / 6);
  });

  it('matches German words only on their ASCII pieces', () => {
    // 'Größe' -> gr, e; 'Grösse' -> gr, sse: one shared token of two each.
    expectScore(rougeN('Größe', 'Grösse', 1), 1 / 2, 1 / 2, 1 / 2);
  });

  it('uses the LCS, so order matters for ROUGE-L but not ROUGE-1', () => {
    // Reference a b c d, candidate d c b a: every unigram shared, LCS length 1.
    expectScore(rougeN('a b c d', 'd c b a', 1), 1, 1, 1);
    expectScore(rougeL('a b c d', 'd c b a'), 1 / 4, 1 / 4, 1 / 4);
  });

  it('credits inflected forms only with the stemmer', () => {
    // Without: the cats were running / a cat runs share nothing.
    // With: the cat were run / a cat run share cat and run: P = 2/3, R = 2/4,
    // F = 2 * (1/3) / (7/6) = 4/7.
    expectScore(rougeN('The cats were running', 'A cat runs', 1), 0, 0, 0);
    expectScore(rougeN('The cats were running', 'A cat runs', 1, true), 2 / 3, 1 / 2, 4 / 7);
  });
});

describe('rougeLsum', () => {
  it('matches sentence by sentence, so swapped sentences still score 1', () => {
    // ROUGE-L over a b c d vs c d a b: LCS 2 of 4. Lsum: [a b] and [c d] each fully found.
    expectScore(rougeL('a b\nc d', 'c d\na b'), 1 / 2, 1 / 2, 1 / 2);
    expectScore(rougeLsum('a b\nc d', 'c d\na b'), 1, 1, 1);
  });

  it('counts a token no more often than it occurs in the candidate', () => {
    // Reference sentences [a b], [a c]; candidate [a] (one token). Both sentences' LCS hit 'a',
    // but the candidate has one 'a': hits 1, P = 1/1, R = 1/4, F = 2 * 0.25 / 1.25 = 0.4.
    expectScore(rougeLsum('a b\na c', 'a'), 1, 1 / 4, 0.4);
  });

  it('takes the union of the LCS with every candidate sentence once per reference token', () => {
    // Reference [a a]; candidate [a], [a]. Each LCS picks reference index 1, union {1}: 1 hit.
    // P = 1/2, R = 1/2. ROUGE-L over a a vs a a is 1.
    expectScore(rougeLsum('a a', 'a\na'), 1 / 2, 1 / 2, 1 / 2);
    expectScore(rougeL('a a', 'a\na'), 1, 1, 1);
  });
});

describe('rougeScores', () => {
  it('returns zeros for an empty candidate or reference', () => {
    for (const score of Object.values(rougeScores(['the cat sat'], ''))) {
      expectScore(score, 0, 0, 0);
    }
    for (const score of Object.values(rougeScores([''], 'the cat sat'))) {
      expectScore(score, 0, 0, 0);
    }
  });

  it('keeps, per metric, the reference with the best F-measure', () => {
    // Candidate a b c d. Reference 1 'd c b a': R1 = 1, R2 = 0, L = 1/4.
    // Reference 2 'a b x y': R1 = 2/4, R2 = 1/3 ('a b'), L = 2/4 ('a b').
    const scores = rougeScores(['d c b a', 'a b x y'], 'a b c d');
    expectScore(scores.rouge1, 1, 1, 1);
    expectScore(scores.rouge2, 1 / 3, 1 / 3, 1 / 3);
    expectScore(scores.rougeL, 1 / 2, 1 / 2, 1 / 2);
    expectScore(scores.rougeLsum, 1 / 2, 1 / 2, 1 / 2);
  });

  it('passes the stemmer option through', () => {
    const reference = ['The cats were running'];
    expectScore(rougeScores(reference, 'A cat runs').rouge1, 0, 0, 0);
    expectScore(
      rougeScores(reference, 'A cat runs', { stemmer: true }).rouge1,
      2 / 3,
      1 / 2,
      4 / 7,
    );
  });

  it('rejects an empty list of references', () => {
    expect(() => rougeScores([], 'text')).toThrow(/at least one reference/);
  });
});
