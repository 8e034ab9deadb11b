import { z } from 'zod';

/** Configuration of a Text Embeddings Inference (TEI) server client. */
export const teiEmbedderConfig = z
  .object({
    url: z.url().describe('Base URL of the TEI server, e.g. http://localhost:8080'),
    apiKey: z
      .string()
      .min(1)
      .optional()
      .describe("Sent as 'Authorization: Bearer <key>' when the server runs with --api-key"),
    revision: z
      .string()
      .min(1)
      .optional()
      .describe('Pinned model revision; default: model_sha from /info (required if it has none)'),
    dimension: z.number().int().positive().optional().describe('Expected width, checked at start'),
    queryPrompt: z
      .string()
      .min(1)
      .optional()
      .describe('prompt_name for queries, a key of the model sentence-transformers prompts'),
    passagePrompt: z.string().min(1).optional().describe('prompt_name for passages'),
    queryPrefix: z.string().default('').describe('Prepended to queries by this client'),
    passagePrefix: z.string().default('').describe('Prepended to passages by this client'),
    truncate: z.boolean().default(true).describe('Let the server cut texts over its token limit'),
    batchSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Texts per request; never more than the server's max_client_batch_size"),
    concurrency: z.number().int().positive().default(4).describe('Requests in flight at once'),
    timeoutMs: z.number().int().positive().default(30_000),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .default(4)
      .describe('Tries per request when the server answers 429 or 503 or cannot be reached'),
    retryBaseDelayMs: z.number().int().min(0).default(250),
    retryMaxDelayMs: z.number().int().min(0).default(20_000),
  })
  .strict();

export type TeiEmbedderConfig = z.output<typeof teiEmbedderConfig>;
export type TeiEmbedderConfigInput = z.input<typeof teiEmbedderConfig>;
