import { describe, expect, it } from 'vitest';
import type { Embedder, EmbeddingKind } from './embedder.js';
import { cachedEmbedder, cacheKey, createMemoryEmbeddingCache } from './embedding-cache.js';

/** Records every call; a text's vector is its length and first character code. */
function recordingEmbedder(revision = 'r1') {
  const calls: Array<{ texts: string[]; kind: EmbeddingKind }> = [];
  const embedder: Embedder = {
    modelId: 'recording',
    revision,
    dimension: 2,
    async embed(texts, kind) {
      calls.push({ texts, kind });
      return texts.map((text) => Float32Array.of(text.length, text.charCodeAt(0)));
    },
    close: async () => {},
  };
  return { embedder, calls };
}

describe('embedding cache', () => {
  it('keys by model, revision, kind and text', () => {
    const key = cacheKey('m', 'r1', 'query', 'shoes');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey('m', 'r1', 'query', 'shoes')).toBe(key);
    expect(cacheKey('m', 'r2', 'query', 'shoes')).not.toBe(key);
    expect(cacheKey('m', 'r1', 'passage', 'shoes')).not.toBe(key);
    expect(cacheKey('m2', 'r1', 'query', 'shoes')).not.toBe(key);
    expect(cacheKey('m', 'r1query', '' as EmbeddingKind, 'shoes')).not.toBe(key);
  });

  it('embeds only misses, each distinct text once, and keeps input order', async () => {
    const { embedder, calls } = recordingEmbedder();
    const cached = cachedEmbedder(embedder, createMemoryEmbeddingCache());
    await cached.embed(['bb', 'a'], 'passage');

    const vectors = await cached.embed(['ccc', 'a', 'ccc', 'bb', 'dddd'], 'passage');
    expect(vectors.map((vector) => vector[0])).toEqual([3, 1, 3, 2, 4]);
    expect(calls.map((call) => call.texts)).toEqual([
      ['bb', 'a'],
      ['ccc', 'dddd'],
    ]);

    await cached.embed(['a', 'bb'], 'passage');
    expect(calls).toHaveLength(2);
    await cached.embed(['a'], 'query');
    expect(calls.at(-1)).toEqual({ texts: ['a'], kind: 'query' });
    expect(await cached.embed([], 'query')).toEqual([]);
  });

  it('does not share vectors between revisions', async () => {
    const cache = createMemoryEmbeddingCache();
    const first = recordingEmbedder('r1');
    const second = recordingEmbedder('r2');
    await cachedEmbedder(first.embedder, cache).embed(['a'], 'query');
    await cachedEmbedder(second.embedder, cache).embed(['a'], 'query');
    expect(second.calls).toHaveLength(1);
  });

  it('forgets the least recently used vectors beyond its size', async () => {
    const cache = createMemoryEmbeddingCache(2);
    await cache.set([
      { key: 'a', vector: Float32Array.of(1) },
      { key: 'b', vector: Float32Array.of(2) },
    ]);
    await cache.get(['a']);
    await cache.set([{ key: 'c', vector: Float32Array.of(3) }]);
    const [a, b, c] = await cache.get(['a', 'b', 'c']);
    expect([a?.[0], b, c?.[0]]).toEqual([1, undefined, 3]);
  });

  it('passes errors through and caches nothing from a failed call', async () => {
    const cache = createMemoryEmbeddingCache();
    const failing: Embedder = {
      ...recordingEmbedder().embedder,
      embed: async () => {
        throw new Error('model down');
      },
    };
    await expect(cachedEmbedder(failing, cache).embed(['a'], 'query')).rejects.toThrow(
      'model down',
    );
    expect(await cache.get([cacheKey('recording', 'r1', 'query', 'a')])).toEqual([undefined]);
  });
});
