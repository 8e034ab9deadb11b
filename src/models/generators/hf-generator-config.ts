import { PROVIDERS_OR_POLICIES } from '@huggingface/inference';
import { z } from 'zod';

/**
 * The fields of the Hugging Face generator's configuration, for building a config union;
 * the cross-field checks live in `hfGeneratorConfig`, which the constructor applies.
 */
export const hfGeneratorShape = {
  endpointUrl: z
    .url()
    .optional()
    .describe('Inference Endpoint (or any TGI) base URL; requests go to <url>/v1/chat/completions'),
  model: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Providers: the Hub model id (required). Endpoint: the `model` field sent, default "tgi"',
    ),
  inferenceProvider: z
    .enum(PROVIDERS_OR_POLICIES)
    .optional()
    .describe('Inference Provider for `model`, or "auto" (the default) to let the router pick'),
  accessToken: z
    .string()
    .min(1)
    .optional()
    .describe('Hugging Face token; default: the HF_TOKEN environment variable. Never logged'),
  revision: z
    .string()
    .min(1)
    .optional()
    .describe('Pinned model revision, reported by info() for audit (the server decides)'),
  billTo: z.string().min(1).optional().describe('Organisation billed (X-HF-Bill-To)'),
  timeoutMs: z.number().int().positive().default(120_000).describe('Per request, stream included'),
  maxNewTokens: z
    .number()
    .int()
    .positive()
    .default(512)
    .describe('Output limit when a request sets none'),
};

/**
 * Configuration of the Hugging Face generator (`provider: hf`): either an Inference Endpoint
 * (`endpointUrl`) or Inference Providers (`model` + `inferenceProvider`), not both.
 */
export const hfGeneratorConfig = z
  .object(hfGeneratorShape)
  .strict()
  .refine((config) => config.endpointUrl !== undefined || config.model !== undefined, {
    message: 'set endpointUrl (an Inference Endpoint) or model (Inference Providers)',
    path: ['endpointUrl'],
  })
  .refine((config) => !(config.endpointUrl && config.inferenceProvider), {
    message: 'inferenceProvider applies to Inference Providers only; remove it or endpointUrl',
    path: ['inferenceProvider'],
  });

export type HfGeneratorConfig = z.output<typeof hfGeneratorConfig>;
export type HfGeneratorConfigInput = z.input<typeof hfGeneratorConfig>;
