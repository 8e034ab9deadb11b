import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVectorIndex } from './create-vector-index.js';
import { ExactVectorIndex } from './exact-index.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { clusteredVectors } from './test-support/clustered-vectors.js';
import { recallAgainst } from './test-support/naive-search.js';
import type { ScoredHit } from '../types.js';

const dimension = 512;
const shape = { dimension, clusters: 64, seed: 7 };
const queries = clusteredVectors(shape, 100, 2);
let exact: ExactVectorIndex;
let hnsw: HnswVectorIndex;

beforeAll(() => {
  exact = new ExactVectorIndex({ dimension });
  // efConstruction 100 instead of the default 200 halves the build time of this test.
  hnsw = new HnswVectorIndex({ dimension, efConstruction: 100 });
  clusteredVectors(shape, 20_000, 1).forEach((vector, position) => {
    exact.add(`chunk-${position}`, vector);
    hnsw.add(`chunk-${position}`, vector);
  });
}, 180_000);

function meanRecall(search: (query: Float32Array) => [ScoredHit[], ScoredHit[]]): number {
  return queries.reduce((sum, query) => {
    const [truth, found] = search(query);
    return sum + recallAgainst(truth, found) / queries.length;
  }, 0);
}

describe('HnswVectorIndex', () => {
  it('finds at least 95 % of the exact top 10 among 20,000 clustered 512-d vectors', () => {
    const recall = meanRecall((query) => [
      exact.search(query, { k: 10 }),
      hnsw.search(query, { k: 10 }),
    ]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('scores hits with the cosine similarity', () => {
    const query = queries[0]!;
    const truth = new Map(exact.search(query, { k: 50 }).map((hit) => [hit.id, hit.score]));
    for (const hit of hnsw.search(query, { k: 10 })) {
      expect(hit.score).toBeCloseTo(truth.get(hit.id)!, 4);
    }
  });

  it('walks the graph with the filter when it accepts many ids', () => {
    const accepted = (id: string) => Number(id.slice(6)) % 5 === 0;
    const recall = meanRecall((query) => [
      exact.search(query, { k: 10, filter: accepted }),
      hnsw.search(query, { k: 10, filter: accepted }),
    ]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('scans exactly when the filter accepts few ids, so none are lost', () => {
    const accepted = (id: string) => Number(id.slice(6)) % 200 === 7;
    for (const query of queries.slice(0, 20)) {
      const hits = hnsw.search(query, { k: 10, filter: accepted });
      expect(hits.map((hit) => hit.id)).toEqual(
        exact.search(query, { k: 10, filter: accepted }).map((hit) => hit.id),
      );
    }
  });

  it('reuses the labels of removed ids, also after saving and loading', async () => {
    const vectors = clusteredVectors({ dimension: 32, clusters: 4, seed: 1 }, 1100, 9);
    const index = new HnswVectorIndex({ dimension: 32, efConstruction: 50 });
    vectors.slice(0, 1000).forEach((vector, position) => index.add(`old-${position}`, vector));
    for (let position = 0; position < 100; position += 1) index.remove(`old-${position}`);

    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-hnsw-'));
    try {
      await index.save(folder);
      const loaded = (await loadVectorIndex(folder)) as HnswVectorIndex;
      vectors.slice(1000).forEach((vector, position) => loaded.add(`new-${position}`, vector));
      expect(loaded.size).toBe(1000);
      expect(loaded.capacity).toBe(1024); // the 100 new ids took the freed labels
      for (const [position, vector] of vectors.entries()) {
        const best = loaded.search(vector, { k: 1 })[0]?.id;
        if (position < 100) expect(best).not.toBe(`old-${position}`);
        else if (position >= 1000) expect(best).toBe(`new-${position - 1000}`);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
