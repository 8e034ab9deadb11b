import { describe, expect, it } from 'vitest';
import { normalisedScoreFusion, reciprocalRankFusion } from './fusion.js';
import { diversify } from './mmr.js';
import { buildFilter, parseFilters } from './filters.js';

const bm25 = {
  name: 'bm25',
  hits: [
    { id: 'a', score: 12 },
    { id: 'b', score: 9 },
    { id: 'c', score: 3 },
  ],
};
const dense = {
  name: 'dense',
  hits: [
    { id: 'c', score: 0.9 },
    { id: 'a', score: 0.8 },
    { id: 'd', score: 0.1 },
  ],
};

describe('fusion', () => {
  it('reciprocal-rank fusion sums 1/(k+rank) and keeps every component', () => {
    const fused = reciprocalRankFusion([bm25, dense], 60);
    expect(fused.map((hit) => hit.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[0]!.components).toEqual({
      bm25: { rank: 1, score: 12 },
      dense: { rank: 2, score: 0.8 },
    });
    expect(fused[2]!.components).toEqual({ bm25: { rank: 2, score: 9 } });
  });

  it('weights lists and breaks ties by id so results are stable', () => {
    const fused = reciprocalRankFusion([
      { ...bm25, weight: 0 },
      { ...dense, weight: 1 },
    ]);
    expect(fused.slice(0, 3).map((hit) => hit.id)).toEqual(['c', 'a', 'd']);
    const tied = reciprocalRankFusion([
      { name: 'x', hits: [] },
      { name: 'y', hits: [] },
    ]);
    expect(tied).toEqual([]);
  });

  it('normalised score fusion scales each list to [0, 1] before summing', () => {
    const fused = normalisedScoreFusion([bm25, dense]);
    const score = Object.fromEntries(fused.map((hit) => [hit.id, hit.score]));
    expect(score.a).toBeCloseTo(1 + (0.8 - 0.1) / 0.8, 10);
    expect(score.c).toBeCloseTo(0 + 1, 10);
    expect(score.d).toBeCloseTo(0, 10);
  });
});

describe('maximal marginal relevance', () => {
  const vectors: Record<string, Float32Array> = {
    a: new Float32Array([1, 0]),
    b: new Float32Array([0.995, 0.0998]),
    c: new Float32Array([0, 1]),
  };
  const hits = [
    { id: 'a', score: 1 },
    { id: 'b', score: 0.95 },
    { id: 'c', score: 0.6 },
  ];

  it('prefers a different hit over a near copy of one already picked', () => {
    const picked = diversify(hits, (id) => vectors[id], { k: 2, lambda: 0.5 });
    expect(picked.map((hit) => hit.id)).toEqual(['a', 'c']);
  });

  it('keeps the relevance order when λ is 1', () => {
    const picked = diversify(hits, (id) => vectors[id], { k: 3, lambda: 1 });
    expect(picked.map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('filters', () => {
  const fields: Record<string, Record<string, string>> = {
    one: { language: 'de', source: 'knowledge/seilpflege.de.md', category: 'climbing-safety' },
    two: { language: 'en', source: 'feeds/products.csv#sku=X', category: 'sun-protection' },
  };

  it('matches every key, any value per key, and prefixes ending in *', () => {
    const filter = buildFilter(
      parseFilters(['language=de', 'language=en', 'source=knowledge/*']),
      (id) => fields[id],
    )!;
    expect(filter('one')).toBe(true);
    expect(filter('two')).toBe(false);
    expect(filter('unknown')).toBe(false);
    expect(buildFilter({}, (id) => fields[id])).toBeUndefined();
  });

  it('rejects malformed filters with a usage error that lists the keys', () => {
    expect(() => parseFilters(['colour=red'])).toThrow(/key one of language, source/);
    expect(() => parseFilters(['language'])).toThrow(/Bad filter "language"/);
  });
});
