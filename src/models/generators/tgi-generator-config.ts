import { z } from 'zod';

/** Connection settings shared by the TGI and OpenAI-compatible generators. */
export const httpGeneratorConnection = {
  url: z
    .url()
    .describe('Base URL of the server, e.g. http://localhost:8080; a path prefix is kept'),
  apiKey: z
    .string()
    .min(1)
    .optional()
    .describe("Sent as 'Authorization: Bearer <key>'; never logged or put in errors"),
  timeoutMs: z
    .number()
    .int()
    .positive()
    .default(120_000)
    .describe('Per request, stream included; then GENERATION_TIMEOUT'),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('Extra headers for every request (gateways)'),
};

/**
 * Configuration of the TGI generator (`provider: tgi`). Pass the parsed object, plus an
 * optional `renderChat` callback and a logger, to `new TgiGenerator(...)`.
 */
export const tgiGeneratorConfig = z
  .object({
    ...httpGeneratorConnection,
    adapter: z
      .string()
      .min(1)
      .optional()
      .describe('LoRA adapter (adapter_id) for requests that name none'),
    chatTemplate: z
      .string()
      .min(1)
      .optional()
      .describe(
        'chatml, llama3, mistral, or a tokenizer_config.json / .jinja file: chat then uses the ' +
          'native routes (all sampling parameters); without it, /v1/chat/completions',
      ),
  })
  .strict();

export type TgiGeneratorConfig = z.output<typeof tgiGeneratorConfig>;
