/**
 * Model cards as data: what a model is for, where its weights come from (pinned), what it
 * can and cannot do, and under which licence. Validated with zod when the catalogue loads.
 * @module
 */
import { z } from 'zod';

export const modelKinds = ['generator', 'embedder', 'reranker', 'classifier'] as const;

/** How the exact weights are pinned. `unpinned` cards must be pinned before production. */
export const modelRevision = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('hub-commit'), value: z.string().regex(/^[0-9a-f]{40}$/) }),
    z.object({ kind: z.literal('file-sha256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
    z.object({ kind: z.literal('package'), value: z.string().regex(/^.+@\d+\.\d+\.\d+.*$/) }),
    z.object({ kind: z.literal('bundled'), value: z.string().min(1) }),
    z.object({
      kind: z.literal('unpinned'),
      value: z.null(),
      note: z.string().min(1).describe('What to pin before use, and how'),
    }),
  ])
  .describe('Hub commit, file hash, npm package version, code bundled with Markwerk, or unpinned');

/** One way to run the model: the Markwerk provider and the hardware it needs. */
export const modelRuntime = z.object({
  provider: z
    .enum([
      'offline',
      'use-lite',
      'fasttext',
      'feature',
      'llama',
      'transformers',
      'tgi',
      'tei',
      'hf',
    ])
    .describe('The Markwerk adapter that runs it'),
  where: z.string().min(1).describe('Process or server, and the hardware it needs'),
});

export const modelCard = z
  .object({
    id: z.string().min(1).describe('Hub id, or a Markwerk name for bundled models'),
    name: z.string().min(1),
    kind: z.enum(modelKinds),
    /** The provider of the recommended way to run it (the first entry of `runs`). */
    provider: z.string().min(1),
    revision: modelRevision,
    testOnly: z.boolean().default(false),
    purpose: z.string().min(1),
    limits: z.object({
      contextTokens: z.number().int().positive().nullable().describe('null: no token window'),
      languages: z.array(z.string().min(2)).min(1).describe('ISO 639-1 codes, or "multilingual"'),
      dimension: z.number().int().positive().optional().describe('Vector width of embedders'),
      notes: z.string().optional(),
    }),
    trainingData: z.string().min(1),
    risks: z.array(z.string().min(1)).min(1).describe('Known risks and limitations'),
    licence: z.object({
      id: z.string().min(1).describe('SPDX id where one exists'),
      notes: z.string().optional(),
    }),
    runs: z.array(modelRuntime).min(1),
  })
  .strict()
  .refine((card) => card.runs[0]?.provider === card.provider, {
    message: 'provider must be the provider of the first entry in runs',
    path: ['provider'],
  });

export type ModelCard = z.output<typeof modelCard>;
export type ModelCardInput = z.input<typeof modelCard>;
export type ModelKind = (typeof modelKinds)[number];
