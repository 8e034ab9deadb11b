import { MarkwerkError } from '../../core/errors.js';
import {
  createEmbedder,
  type EmbedderConfigInput,
} from '../../models/embedders/create-embedder.js';
// prettier-ignore
import type {
  TransformersEmbedderConfigInput,
} from '../../models/embedders/transformers-embedder-config.js';
import { createTransformersTokenEncoder } from './transformers-token-encoder.js';
import type { TokenEncoder } from './token-encoder.js';
import { createWordTokenEncoder } from './word-token-encoder.js';

/**
 * The token encoder for the configured embedder: contextual token states for a transformers.js
 * model, word-level vectors through the Embedder port for any other provider.
 * @param embedder the `retrieval.embedder` section of the configuration
 */
export async function configuredTokenEncoder(embedder: {
  provider: string;
  [key: string]: unknown;
}): Promise<TokenEncoder> {
  if (embedder.provider === 'none') {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      'BERTScore needs an embedder, but retrieval.embedder.provider is none. Set it to ' +
        'use-lite, transformers (contextual token states, closest to BERTScore) or tei.',
      { details: { key: 'retrieval.embedder.provider' } },
    );
  }
  if (embedder.provider === 'transformers') {
    const options: Record<string, unknown> = { ...embedder };
    delete options.provider;
    return createTransformersTokenEncoder(options as TransformersEmbedderConfigInput);
  }
  return createWordTokenEncoder(await createEmbedder(embedder as EmbedderConfigInput));
}
