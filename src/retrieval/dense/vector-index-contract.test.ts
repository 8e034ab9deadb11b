import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectorIndex } from './create-vector-index.js';
import { ExactVectorIndex } from './exact-index.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { clusteredVectors } from './test-support/clustered-vectors.js';
import type { VectorIndex } from './vector-index.js';

// The behaviour every VectorIndex must show, run against each implementation and setting.
const dimension = 48;
const adapters: [string, () => VectorIndex][] = [
  ['exact float32', () => new ExactVectorIndex({ dimension })],
  ['exact int8', () => new ExactVectorIndex({ dimension, quantization: 'int8' })],
  ['exact binary, re-scored', () => new ExactVectorIndex({ dimension, quantization: 'binary' })],
  [
    'exact binary, not re-scored',
    () => new ExactVectorIndex({ dimension, quantization: 'binary', binaryRescore: 0 }),
  ],
  ['hnsw', () => new HnswVectorIndex({ dimension, m: 8, efConstruction: 50 })],
];
const vectors = clusteredVectors({ dimension, clusters: 8, seed: 3 }, 300, 4);
const queries = clusteredVectors({ dimension, clusters: 8, seed: 3 }, 5, 5);
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'markwerk-dense-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function filled(create: () => VectorIndex): VectorIndex {
  const index = create();
  vectors.forEach((vector, position) => index.add(`chunk-${position}`, vector));
  return index;
}

describe.each(adapters)('VectorIndex contract: %s', (name, create) => {
  it('counts, finds, replaces and removes vectors by id', () => {
    const index = filled(create);
    expect(index.size).toBe(300);
    expect(index.dimension).toBe(dimension);
    const target = vectors[17] as Float32Array;
    expect(index.search(target, { k: 1 })[0]?.id).toBe('chunk-17');

    index.add('chunk-0', target);
    expect(index.size).toBe(300);
    const twins = index.search(target, { k: 2 }).map((hit) => hit.id);
    expect(twins.sort()).toEqual(['chunk-0', 'chunk-17']);

    expect(index.remove('chunk-17')).toBe(true);
    expect(index.remove('chunk-17')).toBe(false);
    expect(index.has('chunk-17')).toBe(false);
    expect(index.size).toBe(299);
    expect(index.search(target, { k: 300 }).map((hit) => hit.id)).not.toContain('chunk-17');
    expect(index.search(target, { k: 1 })[0]?.id).toBe('chunk-0');
  });

  it('returns at most k hits, best first, and never more than it holds', () => {
    const index = filled(create);
    const hits = index.search(queries[0] as Float32Array, { k: 10 });
    expect(hits).toHaveLength(10);
    for (let rank = 1; rank < hits.length; rank += 1) {
      expect(hits[rank - 1]!.score).toBeGreaterThanOrEqual(hits[rank]!.score);
    }
    expect(index.search(queries[0] as Float32Array, { k: 1000 })).toHaveLength(300);
    expect(index.search(queries[0] as Float32Array, { k: 0 })).toEqual([]);
    expect(create().search(queries[0] as Float32Array, { k: 5 })).toEqual([]);
  });

  it('keeps only ids the filter accepts, and still fills k when enough match', () => {
    const index = filled(create);
    const accepted = (id: string) => Number(id.slice(6)) % 10 === 3;
    const hits = index.search(queries[1] as Float32Array, { k: 20, filter: accepted });
    expect(hits).toHaveLength(20);
    expect(hits.every((hit) => accepted(hit.id))).toBe(true);
    const rare = index.search(queries[1] as Float32Array, {
      k: 20,
      filter: (id) => id === 'chunk-5' || id === 'chunk-250',
    });
    expect(rare.map((hit) => hit.id).sort()).toEqual(['chunk-250', 'chunk-5']);
  });

  it('refuses vectors of the wrong dimension or length, saying what to do', () => {
    const index = create();
    expect(() => index.add('short', new Float32Array(dimension - 1).fill(0.1))).toThrow(
      /embed with the model the index was built with/,
    );
    expect(() => index.add('long', new Float32Array(dimension).fill(1))).toThrow(/L2-normalise/);
    expect(() => index.search(new Float32Array(dimension), { k: 1 })).toThrow(/L2-normalise/);
  });

  it('saves to a folder and loads back with the same answers', async () => {
    const index = filled(create);
    index.remove('chunk-3');
    const folder = path.join(scratch, name.replace(/\W+/g, '-'));
    await index.save(folder);
    index.remove('chunk-4');
    await index.save(folder);

    const loaded = await loadVectorIndex(folder);
    expect(loaded.kind).toBe(index.kind);
    expect(loaded.size).toBe(298);
    for (const query of queries) {
      expect(loaded.search(query, { k: 10 })).toEqual(index.search(query, { k: 10 }));
    }
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(index.kind === 'hnsw' ? 3 : 2);
    expect(files).toContain('manifest.json');

    loaded.add('chunk-new', vectors[3] as Float32Array);
    expect(loaded.search(vectors[3] as Float32Array, { k: 1 })[0]?.id).toBe('chunk-new');
  });
});
