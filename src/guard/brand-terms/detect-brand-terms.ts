/**
 * Brand-term spelling: the policy lists each canonical spelling with its wrong variants,
 * matched case-sensitively as whole words.
 * @module
 */

import type { GuardFinding } from '../finding.js';
import type { BrandPolicy } from '../policy/policy-schema.js';
import { escapeRegExp } from '../../core/escape-reg-exp.js';

export interface DetectBrandTermsOptions {
  policy: BrandPolicy;
}

interface Variant {
  wrong: string;
  canonical: string;
}

const cache = new WeakMap<BrandPolicy, { regExp: RegExp; variants: Variant[] } | null>();

function compile(policy: BrandPolicy) {
  if (cache.has(policy)) return cache.get(policy) ?? null;

  // Longest first, so "Bergfink Dry" wins over a shorter variant at the same place.
  const variants = policy.brand_terms
    .flatMap((term) => term.wrong.map((wrong) => ({ wrong, canonical: term.canonical })))
    .filter((variant) => variant.wrong !== variant.canonical)
    .sort((left, right) => right.wrong.length - left.wrong.length);
  const alternatives = variants.map((item) => `(${escapeRegExp(item.wrong)})`).join('|');
  const compiled =
    variants.length === 0
      ? null
      : {
          regExp: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu'),
          variants,
        };
  cache.set(policy, compiled);
  return compiled;
}

/**
 * Finds misspelt brand terms; each is a BRAND_TERM finding with the canonical spelling in
 * `details.suggestion`.
 * @example
 * detectBrandTerms('Die Berg-Fink Jacke', { policy }); // suggestion: 'Bergfink'
 */
export function detectBrandTerms(text: string, options: DetectBrandTermsOptions): GuardFinding[] {
  const compiled = compile(options.policy);
  if (compiled === null) return [];

  const findings: GuardFinding[] = [];
  for (const match of text.matchAll(compiled.regExp)) {
    const group = match.findIndex((value, position) => position > 0 && value !== undefined);
    const variant = compiled.variants[group - 1];
    if (variant === undefined) continue;
    findings.push({
      type: 'BRAND_TERM',
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      score: 1,
      rule: 'brand-term.spelling',
      action: 'flag',
      details: {
        suggestion: variant.canonical,
        variant: variant.wrong,
        policyVersion: options.policy.version,
      },
    });
  }
  return findings;
}
