/**
 * What a caller gives to generate one text: the request (language, channel, product record,
 * question) and the retrieved facts. `markwerk generate USE_CASE --input FILE` reads this
 * shape from JSON.
 * @module
 */
import { z } from 'zod';
import { InputError } from '../core/errors.js';

/** A retrieved chunk. Extra keys (score, components…) from `markwerk search --json` are ignored. */
export const retrievedFactSchema = z.object({
  /** Chunk id, cited on every sentence taken from this fact. */
  id: z.string().min(1),
  text: z.string(),
  title: z.string().optional(),
  language: z.string().optional(),
});

/** One feed record: its id (SKU) and its columns as in the feed file. */
export const productRecordSchema = z.strictObject({
  id: z.string().min(1),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export const generationInputSchema = z.strictObject({
  language: z.enum(['de', 'en']),
  /** Channel of the template (web, email, social, print); the template's default if absent. */
  channel: z.string().optional(),
  product: productRecordSchema.optional(),
  /** The question, for the `answer` use case. */
  question: z.string().min(1).optional(),
  /** Further request values read by `request` slots, by key. */
  values: z.record(z.string(), z.string()).optional(),
  /** Extra terms to favour when choosing sentences (campaign keywords). */
  terms: z.array(z.string()).optional(),
  /** Retrieved facts; callers may also pass them separately. */
  facts: z.array(retrievedFactSchema).optional(),
});

export type RetrievedFact = z.infer<typeof retrievedFactSchema>;
export type ProductRecord = z.infer<typeof productRecordSchema>;
export type GenerationInput = z.infer<typeof generationInputSchema>;

/** Validates parsed JSON as a generation input; `file` names the source in errors. */
export function parseGenerationInput(data: unknown, file: string): GenerationInput {
  const parsed = generationInputSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = (issue?.path ?? []).map(String).join('.');
  throw new InputError(`key "${key}": ${issue?.message ?? 'invalid'}`, { file, key });
}
