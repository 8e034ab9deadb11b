import type { RetrievalConfig } from '../../core/config-schema.js';
import type { IndexSettings } from './retrieval-index.js';

/** Index settings from the `retrieval` section of the config. */
export function retrievalSettings(
  config: RetrievalConfig,
  onProgress?: (done: number, total: number) => void,
): IndexSettings {
  return {
    bm25: {
      k1: config.bm25.k1,
      b: config.bm25.b,
      fieldWeights: { title: config.bm25.titleWeight, body: config.bm25.bodyWeight },
      analyzer: { compounds: config.bm25.compounds },
    },
    dense: {
      exactBelow: config.dense.exactBelow,
      quantization: config.dense.quantization,
      hnsw: config.dense.hnsw,
    },
    ...(onProgress ? { onProgress } : {}),
  };
}
