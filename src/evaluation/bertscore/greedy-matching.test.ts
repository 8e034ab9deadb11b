import { describe, expect, it } from 'vitest';
import { greedyMatch, idfWeights } from './greedy-matching.js';
import { unitVector, type TokenEncoding } from './token-encoder.js';

const encoding = (entries: Array<[string, number[]]>): TokenEncoding => ({
  tokens: entries.map(([token]) => token),
  vectors: entries.map(([, values]) => unitVector(values)),
});

// Vectors are float32, as models return them, so sums agree to about 1e-7.
describe('greedy matching', () => {
  it('matches each token to its most similar counterpart on either side', () => {
    const candidate = encoding([['x', [1, 0, 0]]]);
    const reference = encoding([
      ['x', [1, 0, 0]],
      ['y', [0, 1, 0]],
    ]);
    const score = greedyMatch(candidate, reference);
    expect(score.precision).toBeCloseTo(1, 12);
    expect(score.recall).toBeCloseTo(0.5, 12);
    expect(score.f1).toBeCloseTo(2 / 3, 12);
  });

  it('uses cosine similarity of partial matches', () => {
    const candidate = encoding([
      ['x', [1, 0]],
      ['y', [0, 1]],
    ]);
    const reference = encoding([
      ['x', [1, 0]],
      ['xy', [1, 1]],
    ]);
    const score = greedyMatch(candidate, reference);
    expect(score.precision).toBeCloseTo((1 + Math.SQRT1_2) / 2, 6);
    expect(score.recall).toBeCloseTo((1 + Math.SQRT1_2) / 2, 6);
  });

  it('weights tokens, falling back to equal weights when all are 0', () => {
    const candidate = encoding([
      ['a', [1, 0]],
      ['b', [0, 1]],
    ]);
    const reference = encoding([['a', [1, 0]]]);
    expect(greedyMatch(candidate, reference).precision).toBeCloseTo(0.5, 12);
    const onlyB = (token: string) => (token === 'b' ? 1 : 0);
    expect(greedyMatch(candidate, reference, onlyB).precision).toBeCloseTo(0, 12);
    expect(greedyMatch(candidate, reference, onlyB).recall).toBeCloseTo(1, 12);
  });

  it('scores an empty side 0', () => {
    const some = encoding([['a', [1, 0]]]);
    const none = encoding([]);
    expect(greedyMatch(none, some)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(greedyMatch(some, none)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('computes idf as ln((M + 1) / (df + 1)) over the references', () => {
    const idf = idfWeights([
      ['a', 'b', 'b'],
      ['a', 'c'],
    ]);
    expect(idf('a')).toBeCloseTo(0, 12);
    expect(idf('b')).toBeCloseTo(Math.log(3 / 2), 12);
    expect(idf('unseen')).toBeCloseTo(Math.log(3), 12);
  });
});
