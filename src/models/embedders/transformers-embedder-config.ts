import { z } from 'zod';

/**
 * Configuration of a transformers.js embedding model. Everything that changes the vectors
 * is explicit, so two runs with the same configuration give the same vectors.
 */
export const transformersEmbedderConfig = z
  .object({
    model: z
      .string()
      .min(1)
      .describe('Hub id such as "intfloat/multilingual-e5-small", or the path of a model folder'),
    revision: z
      .string()
      .min(1)
      .describe(
        'Pinned Hub commit; for a local folder, a label that changes whenever its files change',
      ),
    pooling: z
      .enum(['mean', 'cls', 'none'])
      .default('mean')
      .describe('"none" when the model outputs pooled vectors itself (sentence_embedding)'),
    normalize: z
      .boolean()
      .default(true)
      .describe('L2-normalise; false only for models whose output is already unit length'),
    dimension: z.number().int().positive().describe('Expected vector width, checked at load'),
    dtype: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4']).default('fp32'),
    queryPrefix: z.string().default('').describe('Prepended to queries, e.g. "query: " for e5'),
    passagePrefix: z
      .string()
      .default('')
      .describe('Prepended to passages, e.g. "passage: " for e5'),
    maxLength: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Tokens kept per text; default: the tokenizer model_max_length'),
    batchSize: z
      .number()
      .int()
      .positive()
      .default(16)
      .describe('Texts per model call; padding makes one long text slow its whole batch'),
    offline: z
      .boolean()
      .default(false)
      .describe('Never download: load from localModelPath or a model folder path'),
    localModelPath: z
      .string()
      .min(1)
      .optional()
      .describe('Folder holding models by id (<folder>/<org>/<name>), used instead of the Hub'),
  })
  .strict();

export type TransformersEmbedderConfig = z.output<typeof transformersEmbedderConfig>;
export type TransformersEmbedderConfigInput = z.input<typeof transformersEmbedderConfig>;
