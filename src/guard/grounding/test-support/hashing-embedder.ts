import { sha256 } from '../../../core/hash.js';
import type { Embedder } from '../../../models/embedders/embedder.js';
import { createAnalyzer } from '../../../retrieval/analysis/create-analyzer.js';

const analyzer = createAnalyzer({ compounds: 'none' });

/**
 * A small deterministic embedder for tests: each stem lands in one of `dimension` buckets by
 * its hash, and the counts are L2-normalised. Texts sharing stems are close; nothing else
 * is understood, which is what makes expectations exact.
 */
export function hashingEmbedder(dimension = 256): Embedder & { calls: number } {
  const embedder = {
    modelId: 'test-hashing-embedder',
    revision: '1',
    dimension,
    calls: 0,
    async embed(texts: string[]) {
      embedder.calls += 1;
      return texts.map((text) => {
        const vector = new Float32Array(dimension);
        for (const stem of analyzer.tokens(text, 'und')) {
          const bucket = Number.parseInt(sha256(stem).slice(0, 8), 16) % dimension;
          vector[bucket] = (vector[bucket] ?? 0) + 1;
        }
        const norm = Math.hypot(...vector) || 1;
        return vector.map((value) => value / norm);
      });
    },
    async close() {},
  };
  return embedder;
}
