/**
 * The brand policy file (`samples/brand/policy.yaml`) as a zod schema: banned terms, brand
 * spellings, the approved-claim ledger, mandatory disclaimers and stem-based claim rules.
 * @module
 */

import { z } from 'zod';

import { guardActions } from '../finding.js';
import { parseClaimPattern } from '../claims/claim-pattern.js';

/** Claim categories a `claim_rules` entry may name; each becomes a CLAIM finding's `rule`. */
export const claimCategories = [
  'absolute_claim',
  'health_claim',
  'guaranteed_result',
  'misleading_free',
  'greenwashing',
  'comparative_claim',
] as const;

export type ClaimCategory = (typeof claimCategories)[number];

const language = z.enum(['en', 'de']);
const isoDate = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'), z.date()])
  .transform((value) => (typeof value === 'string' ? value : value.toISOString().slice(0, 10)));

const bannedTermSchema = z.object({
  term: z.string().min(1),
  reason: z.string().optional(),
  suggestion: z.string().optional(),
  /** Claim category of the finding; `absolute_claim` when left out. */
  category: z.enum(claimCategories).default('absolute_claim'),
});

const brandTermSchema = z.object({
  canonical: z.string().min(1),
  wrong: z.array(z.string().min(1)).min(1),
});

const approvedClaimSchema = z.object({
  id: z.string().min(1),
  text_de: z.string().min(1),
  text_en: z.string().min(1),
  evidence: z.string().min(1),
  markets: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 code such as DE')),
  expires: isoDate,
});

const disclaimerTextSchema = z.object({ text_de: z.string().min(1), text_en: z.string().min(1) });

const claimPatternSchema = z.string().superRefine((value, context) => {
  try {
    parseClaimPattern(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const claimRuleSchema = z.object({
  id: z.string().min(1),
  category: z.enum(claimCategories),
  lang: language,
  patterns: z.array(claimPatternSchema).min(1),
  /** Patterns that, when they match the same sentence, cancel the rule ("free of PFAS"). */
  except: z.array(claimPatternSchema).default([]),
  /** Stated here, it beats `guard.actions.types.CLAIM`; unset, claims are flagged. */
  action: z.enum(guardActions).optional(),
  /** Skip matches with "not", "kein", "never" just before (or, in German, right after). */
  negatable: z.boolean().default(true),
  score: z.number().min(0).max(1).default(0.8),
});

export const brandPolicySchema = z
  .object({
    version: z.union([z.number().int().nonnegative(), z.string().min(1)]),
    brand: z.string().optional(),
    updated: isoDate.optional(),
    banned_terms: z.partialRecord(language, z.array(bannedTermSchema)).default({}),
    brand_terms: z.array(brandTermSchema).default([]),
    approved_claims: z.array(approvedClaimSchema).default([]),
    disclaimers: z
      .record(z.string().min(1), z.record(z.string().min(1), disclaimerTextSchema))
      .default({}),
    claim_rules: z.array(claimRuleSchema).default([]),
  })
  .superRefine((policy, context) => {
    const seen = new Set<string>();
    policy.claim_rules.forEach((rule, index) => {
      if (seen.has(rule.id)) {
        context.addIssue({
          code: 'custom',
          path: ['claim_rules', index, 'id'],
          message: `duplicate rule id ${rule.id}`,
        });
      }
      seen.add(rule.id);
    });
  });

/** A validated brand policy. */
export type BrandPolicy = z.output<typeof brandPolicySchema>;
export type ClaimRule = BrandPolicy['claim_rules'][number];
export type ApprovedClaim = BrandPolicy['approved_claims'][number];
export type BannedTerm = z.output<typeof bannedTermSchema>;
