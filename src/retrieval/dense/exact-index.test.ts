import { describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import { ExactVectorIndex } from './exact-index.js';
import { clusteredVectors } from './test-support/clustered-vectors.js';
import { naiveSearch, recallAgainst } from './test-support/naive-search.js';

// 37 dimensions: not a multiple of 4 (unrolled loops) nor of 32 (a partly used bit word).
const dimension = 37;
const shape = { dimension, clusters: 12, seed: 11 };
const entries = clusteredVectors(shape, 1500, 1).map(
  (vector, position) => [`chunk-${position}`, vector] as const,
);
const queries = clusteredVectors(shape, 30, 2);

function build(options: Partial<ConstructorParameters<typeof ExactVectorIndex>[0]> = {}) {
  const index = new ExactVectorIndex({ dimension, ...options });
  for (const [id, vector] of entries) index.add(id, vector);
  return index;
}

function expectSameHits(actual: { id: string; score: number }[], expected: typeof actual) {
  expect(actual.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
  actual.forEach((hit, rank) => expect(hit.score).toBeCloseTo(expected[rank]!.score, 5));
}

describe('ExactVectorIndex', () => {
  it('float32 returns exactly what a naive scan returns, for any k', () => {
    const index = build();
    for (const query of queries) {
      for (const k of [1, 10, 64]) {
        expectSameHits(index.search(query, { k }), naiveSearch(entries, query, k));
      }
    }
  });

  it('filters during the scan, so a filter accepting 1 % still yields the true top k', () => {
    const index = build();
    const accepted = (id: string) => Number(id.slice(6)) % 100 === 42;
    for (const query of queries) {
      const hits = index.search(query, { k: 10, filter: accepted });
      expect(hits).toHaveLength(10);
      expectSameHits(hits, naiveSearch(entries, query, 10, accepted));
    }
  });

  it('stays exact after removals, compaction and re-adding', () => {
    const index = build();
    const removed = new Set(entries.filter((_, position) => position % 3 !== 0).map(([id]) => id));
    for (const id of removed) index.remove(id);
    expect(index.rowCount).toBeLessThan(entries.length); // compaction ran
    index.add('chunk-1', entries[1]![1]);
    removed.delete('chunk-1');
    const live = entries.filter(([id]) => !removed.has(id));
    // chunk-1 came back last, so it sorts after earlier rows with an equal score.
    const ordered = [...live.filter(([id]) => id !== 'chunk-1'), entries[1]!];
    expect(index.size).toBe(live.length);
    for (const query of queries) {
      expectSameHits(index.search(query, { k: 15 }), naiveSearch(ordered, query, 15));
    }
  });

  it('int8 keeps scores within 0.02 of the cosine and most of the top 10', () => {
    const index = build({ quantization: 'int8' });
    expect(index.bytesPerVector).toBe(dimension + 4);
    let recall = 0;
    for (const query of queries) {
      const hits = index.search(query, { k: 10 });
      const truth = naiveSearch(entries, query, entries.length);
      const trueScore = new Map(truth.map((hit) => [hit.id, hit.score]));
      for (const hit of hits)
        expect(Math.abs(hit.score - trueScore.get(hit.id)!)).toBeLessThan(0.02);
      recall += recallAgainst(truth.slice(0, 10), hits) / queries.length;
    }
    expect(recall).toBeGreaterThan(0.9);
  });

  it('binary re-scores its Hamming candidates with the float32 cosine', () => {
    const index = build({ quantization: 'binary', binaryRescore: 10 });
    expect(index.bytesPerVector).toBe(dimension * 4 + 8);
    // With k · binaryRescore covering every vector, re-scoring must reproduce the exact answer.
    const everything = build({ quantization: 'binary', binaryRescore: entries.length / 10 });
    const barely = build({ quantization: 'binary', binaryRescore: 1 });
    let recall = 0;
    let barelyRecall = 0;
    for (const query of queries) {
      const truth = naiveSearch(entries, query, 10);
      expectSameHits(everything.search(query, { k: 10 }), truth);
      recall += recallAgainst(truth, index.search(query, { k: 10 })) / queries.length;
      barelyRecall += recallAgainst(truth, barely.search(query, { k: 10 })) / queries.length;
    }
    expect(recall).toBeGreaterThan(0.7);
    expect(recall).toBeGreaterThan(barelyRecall + 0.1);
  });

  it('binary without re-scoring keeps only the bits and estimates the cosine from them', () => {
    const index = build({ quantization: 'binary', binaryRescore: 0 });
    expect(index.bytesPerVector).toBe(8);
    const self = entries[5]![1];
    expect(index.search(self, { k: 1 })[0]).toEqual({ id: 'chunk-5', score: 1 });
    const opposite = self.map((value) => -value);
    const far = index.search(opposite, { k: entries.length }).at(-1)!;
    expect(far).toEqual({ id: 'chunk-5', score: -1 });
  });

  it('round-trips through bytes and refuses bytes that are not an index', () => {
    for (const quantization of ['none', 'int8', 'binary'] as const) {
      const index = build({ quantization });
      index.remove('chunk-9');
      const copy = ExactVectorIndex.deserialise(index.serialise());
      expect(copy.quantization).toBe(quantization);
      expect(copy.size).toBe(entries.length - 1);
      expect(copy.search(queries[0]!, { k: 10 })).toEqual(index.search(queries[0]!, { k: 10 }));
    }
    const bytes = build().serialise();
    expect(() => ExactVectorIndex.deserialise(bytes.subarray(0, bytes.length - 4))).toThrow(
      /Rebuild the index/,
    );
    expect(() => ExactVectorIndex.deserialise(new Uint8Array(64))).toThrow(MarkwerkError);
  });

  it('rejects a bad dimension or k as configuration errors', () => {
    expect(() => new ExactVectorIndex({ dimension: 0 })).toThrow(/dimension must be a whole/);
    expect(() => build().search(queries[0]!, { k: 1.5 })).toThrow(/k must be a whole number/);
  });
});
