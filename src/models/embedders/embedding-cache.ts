import { LRUCache } from 'lru-cache';
import { sha256 } from '../../core/hash.js';
import type { Embedder, EmbeddingKind } from './embedder.js';
import { assertEmbeddableTexts } from './embedding-input.js';

/** Stored vectors by cache key. Callers treat returned vectors as read-only. */
export interface EmbeddingCache {
  get(keys: string[]): Promise<(Float32Array | undefined)[]>;
  set(entries: Array<{ key: string; vector: Float32Array }>): Promise<void>;
}

/**
 * The cache key of one embedding: SHA-256 over model id, revision, kind and text, so a new
 * model revision or a query/passage difference never reuses a stale vector.
 */
export function cacheKey(
  modelId: string,
  revision: string,
  kind: EmbeddingKind,
  text: string,
): string {
  return sha256(JSON.stringify([modelId, revision, kind, text]));
}

/** An in-memory cache that drops the least recently used vectors beyond `maxEntries`. */
export function createMemoryEmbeddingCache(maxEntries = 10_000): EmbeddingCache {
  const entries = new LRUCache<string, Float32Array>({ max: maxEntries });
  return {
    get: async (keys) => keys.map((key) => entries.get(key)),
    async set(items) {
      for (const { key, vector } of items) entries.set(key, vector);
    },
  };
}

/**
 * Wraps an embedder so that only texts missing from `cache` are embedded (each distinct
 * text once per call); results come back in input order.
 * @example
 * const embedder = cachedEmbedder(await createUseLiteEmbedder(), createMemoryEmbeddingCache());
 */
export function cachedEmbedder(embedder: Embedder, cache: EmbeddingCache): Embedder {
  return {
    modelId: embedder.modelId,
    revision: embedder.revision,
    dimension: embedder.dimension,
    async embed(texts, kind) {
      if (texts.length === 0) return [];
      // Checked here so the error names the caller's index, not one among the misses.
      assertEmbeddableTexts(texts, embedder.modelId);
      const keys = texts.map((text) => cacheKey(embedder.modelId, embedder.revision, kind, text));
      const found = await cache.get(keys);

      const missing = new Map<string, string>();
      keys.forEach((key, index) => {
        if (found[index] === undefined) missing.set(key, texts[index]!);
      });
      if (missing.size > 0) {
        const fresh = await embedder.embed([...missing.values()], kind);
        const entries = [...missing.keys()].map((key, index) => ({ key, vector: fresh[index]! }));
        await cache.set(entries);
        const byKey = new Map(entries.map((entry) => [entry.key, entry.vector]));
        keys.forEach((key, index) => (found[index] ??= byKey.get(key)));
      }
      return found as Float32Array[];
    },
    close: () => embedder.close(),
  };
}
