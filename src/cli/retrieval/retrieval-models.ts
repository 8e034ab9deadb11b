import type { RetrievalConfig } from '../../core/config-schema.js';
import {
  createEmbedder,
  type EmbedderConfigInput,
} from '../../models/embedders/create-embedder.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import { createReranker } from '../../models/rerankers/create-reranker.js';
import type { Reranker } from '../../models/rerankers/reranker.js';

/** The configured embedder, or undefined when `retrieval.embedder.provider` is `none`. */
export async function configuredEmbedder(config: RetrievalConfig): Promise<Embedder | undefined> {
  if (config.embedder.provider === 'none') return undefined;
  return createEmbedder(config.embedder as EmbedderConfigInput);
}

/** The configured reranker: feature-based by default, a cross-encoder or a TEI server. */
export async function configuredReranker(config: RetrievalConfig): Promise<Reranker> {
  return createReranker(config.reranker);
}
