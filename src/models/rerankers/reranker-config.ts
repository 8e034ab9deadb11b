import { z } from 'zod';

const weight = z.number().min(0).max(100);

const featuresConfig = z
  .object({
    provider: z.literal('features'),
    weights: z
      .object({
        coverage: weight,
        phrase: weight,
        proximity: weight,
        title: weight,
        firstStage: weight,
      })
      .partial()
      .strict()
      .optional()
      .describe('Overrides for some feature weights; the rest keep their defaults'),
  })
  .strict();

const transformersConfig = z
  .object({
    provider: z.literal('transformers'),
    model: z.string().min(1).describe('Hub id (e.g. "Xenova/bge-reranker-base") or local folder'),
    revision: z.string().min(1).optional().describe('Hub revision; pin a commit hash'),
    dtype: z
      .enum(['auto', 'fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16'])
      .optional()
      .describe('Which ONNX weights file to load; default fp32'),
    maxLength: z.number().int().min(8).max(8192).optional(),
    batchSize: z.number().int().min(1).max(1024).optional(),
    offline: z.boolean().optional().describe('Never download; default from HF_HUB_OFFLINE'),
    cacheDir: z.string().min(1).optional(),
    logitIndex: z.number().int().min(0).optional(),
    sigmoid: z.boolean().optional(),
  })
  .strict();

const teiConfig = z
  .object({
    provider: z.literal('tei'),
    url: z.url({ protocol: /^https?$/ }).describe('Base URL of a TEI server running a reranker'),
    apiKey: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(1).optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
    retryBaseDelayMs: z.number().int().min(0).optional(),
    maxRetryDelayMs: z.number().int().min(0).optional(),
    maxBatchSize: z.number().int().min(1).optional(),
    concurrency: z.number().int().min(1).max(64).optional(),
    rawScores: z.boolean().optional(),
    truncate: z.boolean().optional(),
  })
  .strict();

/** Which reranker to use and how; `provider` picks the adapter. */
export const rerankerConfigSchema = z.discriminatedUnion('provider', [
  featuresConfig,
  transformersConfig,
  teiConfig,
]);

export type RerankerConfig = z.infer<typeof rerankerConfigSchema>;
