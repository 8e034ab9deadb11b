import { MarkwerkError } from '../../core/errors.js';
import { CrossEncoderReranker } from './cross-encoder-reranker.js';
import { FeatureReranker } from './feature-reranker.js';
import { rerankerConfigSchema } from './reranker-config.js';
import type { RerankerConfig } from './reranker-config.js';
import type { Reranker } from './reranker.js';
import { TeiReranker } from './tei-reranker.js';

export { rerankerConfigSchema } from './reranker-config.js';
export type { RerankerConfig } from './reranker-config.js';

/**
 * Builds the configured reranker, validating the configuration first. The transformers
 * adapter loads its model and the TEI adapter reads the server's `/info` here, so a wrong
 * setting fails at start-up rather than on the first query.
 * @example
 * const reranker = await createReranker({ provider: 'features' });
 */
export async function createReranker(
  config: unknown = { provider: 'features' },
): Promise<Reranker> {
  const parsed = rerankerConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = ['reranker', ...(issue?.path ?? [])].join('.');
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `Invalid reranker setting ${key}: ${issue?.message ?? 'not valid'}. Use provider ` +
        '"features", "transformers" (with model) or "tei" (with url).',
      { details: { key, issues: parsed.error.issues } },
    );
  }
  return open(parsed.data);
}

function open(config: RerankerConfig): Promise<Reranker> {
  switch (config.provider) {
    case 'features':
      return Promise.resolve(new FeatureReranker(config.weights));
    case 'transformers':
      return CrossEncoderReranker.load(config);
    case 'tei':
      return TeiReranker.connect(config);
  }
}
