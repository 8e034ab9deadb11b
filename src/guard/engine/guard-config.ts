/**
 * The `guard` configuration section the engine reads: where the brand policy is, what the
 * policy does per finding, and how strict grounding is. Personal-data settings live in the
 * PII detector's own schema (`guard.pii`).
 * @module
 */

import { z } from 'zod';
import { policyActionsSchema } from './policy-actions.js';

export const groundingConfigSchema = z
  .object({
    minOverlap: z
      .number()
      .min(0)
      .max(1)
      .default(0.6)
      .describe('Share of a sentence stems found in one cited source that supports it'),
    minSimilarity: z
      .number()
      .min(-1)
      .max(1)
      .default(0.8)
      .describe('Cosine similarity to one source sentence that supports it (USE lite scale)'),
    semantic: z
      .boolean()
      .default(false)
      .describe(
        'Also compare embeddings with retrieval.embedder; lexical and exact facts only if false',
      ),
  })
  .strict();

export const guardConfigSchema = z
  .object({
    policyFile: z
      .string()
      .optional()
      .describe(
        'Brand policy YAML, relative to the config file; ' +
          'default: brand/policy.yaml beside it if present',
      ),
    actions: policyActionsSchema.default({ types: {}, rules: {}, sources: {} }),
    grounding: groundingConfigSchema.default({
      minOverlap: 0.6,
      minSimilarity: 0.8,
      semantic: false,
    }),
  })
  .strict();

export type GuardConfig = z.output<typeof guardConfigSchema>;
