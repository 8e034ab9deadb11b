import { z } from 'zod';

/** Configuration of the local GGUF generator (`provider: llama`, node-llama-cpp). */
export const llamaGeneratorConfig = z
  .object({
    modelPath: z.string().min(1).describe('Path to a local .gguf file; nothing is downloaded'),
    model: z
      .string()
      .min(1)
      .optional()
      .describe('Name reported in results and info(); default: the file name'),
    revision: z
      .string()
      .min(1)
      .optional()
      .describe('Pinned revision of the weights (a Hub commit or the file sha256), for audit'),
    threads: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe(
        'CPU threads, always explicit; on 2 cores one thread was 26x faster than two ' +
          '(bench/RESULTS.md); measure before raising it',
      ),
    contextSize: z
      .number()
      .int()
      .positive()
      .default(2048)
      .describe('Tokens of prompt plus output one request may hold'),
    sequences: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Requests served at once; more wait their turn'),
    gpu: z
      .boolean()
      .default(false)
      .describe('Let llama.cpp use a GPU backend if a prebuilt binary for it is installed'),
    maxNewTokens: z
      .number()
      .int()
      .positive()
      .default(256)
      .describe('Output limit when a request sets none'),
  })
  .strict();

export type LlamaGeneratorConfig = z.output<typeof llamaGeneratorConfig>;
export type LlamaGeneratorConfigInput = z.input<typeof llamaGeneratorConfig>;
