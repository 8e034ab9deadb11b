/**
 * The models a workspace generates with, as configuration: one entry per model, in fallback
 * order. Each entry names its provider and carries that adapter's settings.
 * @module
 */
import { z } from 'zod';
import { hfGeneratorShape } from './hf-generator-config.js';
import { llamaGeneratorConfig } from './llama-generator-config.js';
import { openAiGeneratorConfig } from './openai-generator-config.js';
import { tgiGeneratorConfig } from './tgi-generator-config.js';

const name = z
  .string()
  .min(1)
  .optional()
  .describe('Name in logs, usage records and fallback messages; default: provider and model');

export const generatorModelConfig = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('offline'), name }).strict(),
  tgiGeneratorConfig.extend({ provider: z.literal('tgi'), name }).strict(),
  openAiGeneratorConfig.extend({ provider: z.literal('openai'), name }).strict(),
  z.object({ ...hfGeneratorShape, provider: z.literal('hf'), name }).strict(),
  llamaGeneratorConfig.extend({ provider: z.literal('llama'), name }).strict(),
]);

export type GeneratorModelConfig = z.output<typeof generatorModelConfig>;
export type GeneratorModelConfigInput = z.input<typeof generatorModelConfig>;

export const generatorProviders = ['offline', 'tgi', 'openai', 'hf', 'llama'] as const;
export type GeneratorProvider = (typeof generatorProviders)[number];
