/**
 * Golden sets: versioned inputs with the properties every output for them must keep. A set is
 * one YAML file; its `version` changes whenever a case or an expectation changes, so a
 * baseline is only ever compared with the set it was accepted for.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError, MarkwerkError } from '../../core/errors.js';

const expectations = z
  .object({
    mustCite: z
      .boolean()
      .optional()
      .describe('Every sentence of the output names the source it came from'),
    disclaimer: z
      .object({ category: z.string().min(1), channel: z.string().min(1) })
      .strict()
      .optional()
      .describe('The brand policy requires a disclaimer for this category and channel'),
    mustNotContain: z.array(z.string().min(1)).optional(),
    mustContain: z.array(z.string().min(1)).optional(),
    minRouge: z
      .object({
        references: z.array(z.string().min(1)).min(1),
        metric: z.enum(['rouge1', 'rouge2', 'rougeL', 'rougeLsum']).default('rougeL'),
        min: z.number().min(0).max(1),
      })
      .strict()
      .optional(),
    maxUnsupportedClaimRate: z.number().min(0).max(1).optional(),
    maxChars: z.number().int().positive().optional(),
    noBlockingFindings: z.boolean().optional().describe('The output guard must not block the text'),
  })
  .strict();

const goldenCase = z
  .object({
    id: z.string().min(1),
    useCase: z.string().min(1),
    lang: z.enum(['de', 'en']),
    input: z.record(z.string(), z.unknown()),
    expect: expectations,
  })
  .strict();

const goldenSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
    version: z.number().int().positive(),
    description: z.string().optional(),
    feed: z
      .string()
      .optional()
      .describe('Product feed CSV, relative to the set file; cases may name a product by id'),
    cases: z.array(goldenCase).min(1),
  })
  .strict()
  .superRefine((set, context) => {
    const seen = new Set<string>();
    set.cases.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        context.addIssue({
          code: 'custom',
          message: `case id "${entry.id}" appears twice; case ids must be unique`,
          path: ['cases', index, 'id'],
        });
      }
      seen.add(entry.id);
    });
  });

export type GoldenSet = z.infer<typeof goldenSetSchema>;
export type GoldenCase = GoldenSet['cases'][number];
export type GoldenExpectations = GoldenCase['expect'];

/**
 * Reads and validates a golden set file.
 * @throws InputError naming the file and the first invalid key.
 */
export function loadGoldenSet(file: string): GoldenSet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Cannot read golden set ${file}; check the path (the bundled set is ` +
        'samples/golden/product-copy.yaml).',
      { details: { file }, cause: error },
    );
  }

  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(`not valid YAML: ${(error as Error).message}`, { file });
  }

  const parsed = goldenSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || '(top level)';
    throw new InputError(`golden set key ${key}: ${issue?.message ?? 'invalid'}`, { file, key });
  }
  return parsed.data;
}
