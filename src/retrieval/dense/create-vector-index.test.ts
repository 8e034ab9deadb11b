import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createVectorIndex,
  loadVectorIndex,
  preferredIndexKind,
  vectorIndexNeedsRebuild,
} from './create-vector-index.js';
import { ExactVectorIndex } from './exact-index.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { clusteredVectors } from './test-support/clustered-vectors.js';

describe('createVectorIndex', () => {
  it('builds an exact index below the threshold and HNSW from it on', () => {
    expect(createVectorIndex({ dimension: 8, expectedSize: 19_999 }).kind).toBe('exact');
    expect(createVectorIndex({ dimension: 8, expectedSize: 20_000 }).kind).toBe('hnsw');
    const small = createVectorIndex({ dimension: 8, expectedSize: 50, exactBelow: 100 });
    const large = createVectorIndex({ dimension: 8, expectedSize: 100, exactBelow: 100 });
    expect([small.kind, large.kind]).toEqual(['exact', 'hnsw']);
    expect(preferredIndexKind(99, 100)).toBe('exact');
  });

  it('passes quantisation and HNSW settings through', () => {
    const exact = createVectorIndex({
      dimension: 8,
      expectedSize: 10,
      quantization: 'binary',
      binaryRescore: 0,
    });
    expect(exact).toBeInstanceOf(ExactVectorIndex);
    expect((exact as ExactVectorIndex).bytesPerVector).toBe(4);
    const hnsw = createVectorIndex({
      dimension: 8,
      expectedSize: 10,
      exactBelow: 5,
      quantization: 'int8',
      hnsw: { m: 8, efSearch: 40 },
    });
    expect(hnsw).toBeInstanceOf(HnswVectorIndex);
    expect((hnsw as HnswVectorIndex).options).toMatchObject({ m: 8, efSearch: 40 });
    expect((hnsw as HnswVectorIndex).exact.quantization).toBe('int8');
  });

  it('fails fast on impossible settings, naming the option', () => {
    expect(() => createVectorIndex({ dimension: 8, expectedSize: -1 })).toThrow(/expectedSize/);
    expect(() =>
      createVectorIndex({ dimension: 8, expectedSize: 9, exactBelow: 1, hnsw: { m: 1 } }),
    ).toThrow(/hnsw.m must be/);
    expect(() =>
      createVectorIndex({
        dimension: 8,
        expectedSize: 9,
        exactBelow: 1,
        hnsw: { exactFilterBelow: 2 },
      }),
    ).toThrow(/hnsw.exactFilterBelow/);
  });

  it('asks for a rebuild once the set has crossed the threshold, with hysteresis', () => {
    const vectors = clusteredVectors({ dimension: 8, clusters: 2, seed: 1 }, 100, 2);
    const exact = createVectorIndex({ dimension: 8, expectedSize: 0, exactBelow: 60 });
    vectors.slice(0, 59).forEach((vector, position) => exact.add(`chunk-${position}`, vector));
    expect(vectorIndexNeedsRebuild(exact, { exactBelow: 60 })).toBe(false);
    exact.add('chunk-59', vectors[59]!);
    expect(vectorIndexNeedsRebuild(exact, { exactBelow: 60 })).toBe(true);

    const hnsw = createVectorIndex({ dimension: 8, expectedSize: 60, exactBelow: 60 });
    vectors.slice(0, 30).forEach((vector, position) => hnsw.add(`chunk-${position}`, vector));
    expect(vectorIndexNeedsRebuild(hnsw, { exactBelow: 60 })).toBe(false);
    hnsw.remove('chunk-0');
    expect(vectorIndexNeedsRebuild(hnsw, { exactBelow: 60 })).toBe(true);
  });
});

describe('loadVectorIndex', () => {
  it('says to build the index when there is none, and to rebuild a foreign one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-load-'));
    try {
      await expect(loadVectorIndex(folder)).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
      await writeFile(path.join(folder, 'manifest.json'), '{"format":"other"}');
      await expect(loadVectorIndex(folder)).rejects.toThrow(/rebuild the index/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
