import { z } from 'zod';
import { MarkwerkError } from '../../core/errors.js';
import type { Embedder } from './embedder.js';
import { teiEmbedderConfig } from './tei-embedder-config.js';
import { createTeiEmbedder } from './tei-embedder.js';
import { transformersEmbedderConfig } from './transformers-embedder-config.js';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { createUseLiteEmbedder } from './use-lite-embedder.js';

const useLiteEmbedderConfig = z
  .object({
    provider: z.literal('use-lite'),
    threads: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Worker threads; default: available CPU cores; 0 embeds in the calling thread'),
    batchSize: z.number().int().positive().default(32),
  })
  .strict();

/**
 * Which embedder to use and how: the offline USE lite default, a transformers.js model, or
 * a TEI server. The provider key picks the shape; each shape is strict, so a misspelt key
 * fails at start-up.
 */
export const embedderConfigSchema = z.discriminatedUnion('provider', [
  useLiteEmbedderConfig,
  transformersEmbedderConfig.extend({ provider: z.literal('transformers') }),
  teiEmbedderConfig.extend({ provider: z.literal('tei') }),
]);

export type EmbedderConfig = z.output<typeof embedderConfigSchema>;
export type EmbedderConfigInput = z.input<typeof embedderConfigSchema>;

/**
 * Creates the configured embedder. Invalid configuration throws `CONFIG_INVALID` naming
 * each bad key.
 * @example
 * const embedder = await createEmbedder({ provider: 'tei', url: 'http://localhost:8080' });
 */
export async function createEmbedder(input: EmbedderConfigInput): Promise<Embedder> {
  const result = embedderConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${['embedder', ...issue.path].join('.')}: ${issue.message}`,
    );
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `Invalid embedder configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}\n` +
        "Fix the keys above; provider is one of 'use-lite', 'transformers', 'tei'.",
      { details: { issues: result.error.issues.map(({ path, message }) => ({ path, message })) } },
    );
  }

  const config = result.data;
  switch (config.provider) {
    case 'use-lite':
      return createUseLiteEmbedder(withoutProvider(config));
    case 'transformers':
      return createTransformersEmbedder(withoutProvider(config));
    case 'tei':
      return createTeiEmbedder(withoutProvider(config));
  }
}

/** The adapters' own schemas are strict and know no `provider` key. */
function withoutProvider<T extends { provider: string }>(config: T): Omit<T, 'provider'> {
  const rest: Partial<T> = { ...config };
  delete rest.provider;
  return rest as Omit<T, 'provider'>;
}
