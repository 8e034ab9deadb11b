import { z } from 'zod';
import { httpGeneratorConnection } from './tgi-generator-config.js';

/**
 * Configuration of the OpenAI-compatible generator (`provider: openai`): vLLM, llama.cpp
 * server, Ollama, TGI's messages API. Pass the parsed object, plus a logger, to
 * `new OpenAiGenerator(...)`.
 */
export const openAiGeneratorConfig = z
  .object({
    ...httpGeneratorConnection,
    model: z
      .string()
      .min(1)
      .describe('The `model` sent: served name (vLLM, Ollama), any (llama.cpp), "tgi" (TGI)'),
    includeUsage: z
      .boolean()
      .default(true)
      .describe('Send stream_options.include_usage; turn off for servers that refuse it'),
    samplingExtensions: z
      .boolean()
      .default(false)
      .describe('Allow top_k and repetition_penalty (vLLM, llama.cpp server accept them)'),
  })
  .strict();

export type OpenAiGeneratorConfig = z.output<typeof openAiGeneratorConfig>;
