import { createHash } from 'node:crypto';
import type { Embedder } from '../../../models/embedders/embedder.js';

/**
 * A deterministic bag-of-words embedder for lifecycle tests: each word adds 1 to a
 * dimension chosen by its hash. Not a language model; it keeps index tests fast.
 */
export function hashingEmbedder(dimension = 64): Embedder & { calls: number; texts: number } {
  const embedder = {
    modelId: 'test-hashing',
    revision: '1',
    dimension,
    calls: 0,
    texts: 0,
    async embed(texts: string[]) {
      embedder.calls += 1;
      embedder.texts += texts.length;
      return texts.map((text) => {
        const vector = new Float32Array(dimension);
        for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
          vector[createHash('md5').update(word).digest().readUInt32BE(0) % dimension]! += 1;
        }
        const norm = Math.hypot(...vector) || 1;
        return vector.map((value) => value / norm);
      });
    },
    close: async () => undefined,
  };
  return embedder;
}
