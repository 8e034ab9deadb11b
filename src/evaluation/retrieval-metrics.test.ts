import { describe, expect, it } from 'vitest';
import type { ScoredHit } from '../retrieval/types.js';
import {
  meanOverQueries,
  ndcgAtK,
  rankLikeTrecEval,
  recallAtK,
  reciprocalRankAtK,
} from './retrieval-metrics.js';

const hits = (...pairs: Array<[string, number]>): ScoredHit[] =>
  pairs.map(([id, score]) => ({ id, score }));
const judged = (...pairs: Array<[string, number]>) => new Map(pairs);
const discount = (rank: number) => 1 / Math.log2(rank + 1);

describe('rankLikeTrecEval', () => {
  it('orders by score, then breaks ties by document id descending', () => {
    const ranked = rankLikeTrecEval(hits(['a', 1], ['c', 2], ['b', 1], ['d', 1]));
    expect(ranked.map((hit) => hit.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('compares ids as strings, not numbers, like strcmp', () => {
    const ranked = rankLikeTrecEval(hits(['10', 5], ['9', 5], ['100', 5]));
    expect(ranked.map((hit) => hit.id)).toEqual(['9', '100', '10']);
  });

  it('uses UTF-8 byte order for ids beyond the Basic Multilingual Plane', () => {
    // '\u{1F600}' is F0 9F 98 80 in UTF-8 and sorts after '\uFF21' (EF BC A1) in strcmp,
    // although its first UTF-16 unit (D83D) is smaller than FF21.
    const ranked = rankLikeTrecEval(hits(['\uFF21', 1], ['\u{1F600}', 1]));
    expect(ranked.map((hit) => hit.id)).toEqual(['\u{1F600}', '\uFF21']);
  });

  it('refuses a ranking that lists a document twice', () => {
    expect(() => rankLikeTrecEval(hits(['a', 2], ['a', 1]))).toThrow(/twice/);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for the ideal ranking and uses gains as given (linear)', () => {
    const judgements = judged(['a', 3], ['b', 2], ['c', 1]);
    expect(ndcgAtK(hits(['a', 3], ['b', 2], ['c', 1]), judgements, 10)).toBe(1);
  });

  it('discounts graded gains by 1/log2(rank + 1) against the ideal order', () => {
    const judgements = judged(['a', 3], ['b', 2], ['c', 1]);
    const value = ndcgAtK(hits(['c', 3], ['x', 2], ['a', 1]), judgements, 10);
    const dcg = 1 + 3 * discount(3);
    const ideal = 3 + 2 * discount(2) + 1 * discount(3);
    expect(value).toBeCloseTo(dcg / ideal, 12);
  });

  it('breaks score ties by document id descending before discounting', () => {
    // Tied at 1: 'b' (grade 0) ranks above 'a' (grade 2), so 'a' lands at rank 2.
    const value = ndcgAtK(hits(['a', 1], ['b', 1]), judged(['a', 2], ['b', 0]), 10);
    expect(value).toBeCloseTo((2 * discount(2)) / 2, 12);
  });

  it('cuts both the run and the ideal ranking at k when more documents are relevant', () => {
    const judgements = judged(['a', 1], ['b', 1], ['c', 1], ['d', 1]);
    expect(ndcgAtK(hits(['a', 2], ['b', 1]), judgements, 2)).toBe(1);
    const value = ndcgAtK(hits(['x', 2], ['a', 1]), judgements, 2);
    expect(value).toBeCloseTo(discount(2) / (1 + discount(2)), 12);
  });

  it('gives no gain to unjudged documents, grade 0 or negative grades', () => {
    const judgements = judged(['a', 1], ['n', 0], ['m', -1]);
    const value = ndcgAtK(hits(['u', 4], ['n', 3], ['m', 2], ['a', 1]), judgements, 10);
    expect(value).toBeCloseTo(discount(4), 12);
  });

  it('builds the ideal ranking from judged documents the run never retrieved', () => {
    const value = ndcgAtK(hits(['b', 1]), judged(['a', 2], ['b', 1]), 10);
    expect(value).toBeCloseTo(1 / (2 + discount(2)), 12);
  });

  it('is 0 for a query without relevant judgements and for an empty run', () => {
    expect(ndcgAtK(hits(['a', 1]), judged(['a', 0]), 10)).toBe(0);
    expect(ndcgAtK(hits(['a', 1]), judged(), 10)).toBe(0);
    expect(ndcgAtK([], judged(['a', 1]), 10)).toBe(0);
  });

  it('ignores the order the hits arrive in', () => {
    const judgements = judged(['a', 2], ['b', 1]);
    const forward = ndcgAtK(hits(['a', 1], ['x', 3], ['b', 2]), judgements, 10);
    const backward = ndcgAtK(hits(['b', 2], ['x', 3], ['a', 1]), judgements, 10);
    expect(forward).toBe(backward);
  });
});

describe('recallAtK', () => {
  it('counts relevant documents within the cutoff over all relevant documents', () => {
    const judgements = judged(['a', 1], ['b', 2], ['c', 1], ['n', 0]);
    expect(recallAtK(hits(['a', 3], ['n', 2], ['b', 1]), judgements, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(hits(['a', 3], ['n', 2], ['b', 1]), judgements, 100)).toBeCloseTo(2 / 3, 12);
  });

  it('applies the cutoff after tie-breaking', () => {
    expect(recallAtK(hits(['a', 1], ['b', 1]), judged(['a', 1]), 1)).toBe(0);
  });

  it('is 0 when the query has no relevant document', () => {
    expect(recallAtK(hits(['a', 1]), judged(['a', 0]), 10)).toBe(0);
  });
});

describe('reciprocalRankAtK', () => {
  it('is 1/rank of the first relevant document within the cutoff', () => {
    const judgements = judged(['c', 1], ['d', 3]);
    const run = hits(['a', 4], ['b', 3], ['c', 2], ['d', 1]);
    expect(reciprocalRankAtK(run, judgements, 10)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRankAtK(run, judgements, 2)).toBe(0);
  });

  it('counts only grades above 0 as relevant and uses trec_eval tie order', () => {
    expect(reciprocalRankAtK(hits(['a', 1], ['b', 1]), judged(['a', 1], ['b', 0]), 10)).toBe(1 / 2);
  });
});

describe('meanOverQueries', () => {
  const qrels = new Map([
    ['q1', judged(['a', 1])],
    ['q2', judged(['b', 0])],
    ['q3', judged(['c', 1])],
  ]);

  it('averages over queries in both run and qrels, counting all-zero queries as 0', () => {
    const run = new Map([
      ['q1', hits(['a', 1])],
      ['q2', hits(['b', 1])],
      ['unjudged', hits(['a', 1])],
    ]);
    const result = meanOverQueries(run, qrels, (ranked, judgements) =>
      ndcgAtK(ranked, judgements, 10),
    );
    expect(result).toEqual({ mean: 0.5, queries: 2 });
  });

  it('counts a judged query with an empty run as 0', () => {
    const run = new Map([
      ['q1', hits(['a', 1])],
      ['q3', []],
    ]);
    const result = meanOverQueries(run, qrels, (ranked, judgements) =>
      recallAtK(ranked, judgements, 10),
    );
    expect(result).toEqual({ mean: 0.5, queries: 2 });
  });

  it('reports 0 over 0 queries rather than NaN', () => {
    expect(meanOverQueries(new Map(), qrels, () => 1)).toEqual({ mean: 0, queries: 0 });
  });
});
