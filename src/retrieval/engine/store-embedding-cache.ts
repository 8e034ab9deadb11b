import {
  getCachedVectors,
  putCachedVectors,
} from '../../store/repositories/embedding-cache-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';

/**
 * Embeddings cached in the store, so a rebuilt index or a new dataset version never
 * embeds the same text with the same model twice. Keys come from `cacheKey` (model,
 * revision, kind and text hash).
 */
export class StoreEmbeddingCache {
  constructor(
    private readonly store: SqlExecutor,
    private readonly model: { modelId: string; revision: string },
  ) {}

  async get(keys: string[]): Promise<Array<Float32Array | undefined>> {
    const found = new Map<string, Float32Array>();
    for (let start = 0; start < keys.length; start += 1000) {
      const page = await getCachedVectors(this.store, keys.slice(start, start + 1000));
      for (const [key, vector] of page) found.set(key, vector);
    }
    return keys.map((key) => found.get(key));
  }

  async set(entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    for (let start = 0; start < entries.length; start += 1000) {
      await putCachedVectors(
        this.store,
        entries.slice(start, start + 1000).map((entry) => ({ ...entry, ...this.model })),
      );
    }
  }
}
