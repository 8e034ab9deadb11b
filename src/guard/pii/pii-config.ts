/**
 * Config sub-schema for the guard's personal-data detection: `guard.pii` in
 * `src/core/config-schema.ts`.
 * @module
 */
import { z } from 'zod';
import { personalDataTypes } from '../finding.js';

export const piiConfigSchema = z
  .object({
    types: z
      .array(z.enum(personalDataTypes))
      .default([...personalDataTypes])
      .describe('Personal-data types to look for'),
    mask: z
      .enum(['redact', 'tag', 'hash', 'reversible'])
      .default('tag')
      .describe(
        'redact: [REDACTED]; tag: [EMAIL]; hash: [EMAIL:1a2b3c4d]; reversible: vault token',
      ),
    minScore: z.number().min(0).max(1).default(0.5).describe('Findings below this are dropped'),
    phoneValidation: z.enum(['valid', 'possible']).default('valid'),
    allow: z
      .object({
        exact: z.array(z.string()).default([]).describe('Exact strings never flagged'),
        words: z
          .array(z.string())
          .default([])
          .describe('Brand and product words; PERSON, ADDRESS and URL findings with them pass'),
      })
      .strict()
      .default({ exact: [], words: [] }),
    hashSalt: z.string().optional().describe('Key for hash masking; falls back to plain SHA-256'),
    vaultFile: z
      .string()
      .optional()
      .describe('Where reversible tokens are kept, encrypted with MARKWERK_VAULT_KEY'),
    model: z
      .string()
      .optional()
      .describe('Local transformers.js token-classification model for PERSON; rules only if unset'),
  })
  .strict();

export type PiiGuardConfig = z.infer<typeof piiConfigSchema>;
