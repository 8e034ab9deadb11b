import type { RetrievalConfig } from '../../core/config-schema.js';
import { MarkwerkError } from '../../core/errors.js';
import {
  createEmbedder,
  type EmbedderConfigInput,
} from '../../models/embedders/create-embedder.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import { FeatureReranker } from '../../models/rerankers/feature-reranker.js';
import type { Reranker } from '../../models/rerankers/reranker.js';

/** The configured embedder, or undefined when `retrieval.embedder.provider` is `none`. */
export async function configuredEmbedder(config: RetrievalConfig): Promise<Embedder | undefined> {
  if (config.embedder.provider === 'none') return undefined;
  return createEmbedder(config.embedder as EmbedderConfigInput);
}

export async function configuredReranker(config: RetrievalConfig): Promise<Reranker> {
  if (config.reranker.provider === 'features') return new FeatureReranker();
  throw new MarkwerkError(
    'CONFIG_INVALID',
    `retrieval.reranker.provider "${config.reranker.provider}" is not wired in yet; use "features".`,
  );
}
