/**
 * Banned terms from the policy, matched case-insensitively as whole words or phrases on the
 * surface text (they are fixed wordings, not stems).
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { BannedTerm, BrandPolicy } from '../policy/policy-schema.js';
import { escapeRegExp } from '../../core/escape-reg-exp.js';

export interface BannedMatch {
  term: BannedTerm;
  start: number;
  end: number;
}

interface BannedMatcher {
  regExp: RegExp;
  /** Terms longest first, in the order of the expression's groups. */
  terms: BannedTerm[];
}

const cache = new WeakMap<BrandPolicy, Partial<Record<GuardLanguage, BannedMatcher | null>>>();

// A letter or digit at the end: the unit before a match (two, for a surrogate pair).
const wordCharacter = /[\p{L}\p{N}]$/u;

// Spaces match any run of whitespace, and "100 %" also matches "100%".
function termSource(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+')
    .replace(/(\d)\\s\+%/g, '$1\\s*%')
    .replace(/-/g, '[-\\s]?');
}

function bannedMatcher(policy: BrandPolicy, lang: GuardLanguage): BannedMatcher | null {
  const perPolicy = cache.get(policy) ?? {};
  if (perPolicy[lang] !== undefined) return perPolicy[lang];

  const terms = [...(policy.banned_terms[lang] ?? [])].sort(
    (left, right) => right.term.length - left.term.length,
  );
  const matcher =
    terms.length === 0
      ? null
      : {
          // No look-behind for the start boundary: it would be tried at every position and
          // keep the engine from scanning for the terms' first letters; checked after a match.
          regExp: new RegExp(
            `(?:${terms.map((item) => `(${termSource(item.term)})`).join('|')})(?![\\p{L}\\p{N}])`,
            'giu',
          ),
          terms,
        };
  perPolicy[lang] = matcher;
  cache.set(policy, perPolicy);
  return matcher;
}

/** Every banned-term occurrence for the language, longest term first where they overlap. */
export function findBannedTerms(text: string, policy: BrandPolicy, lang: GuardLanguage) {
  const matcher = bannedMatcher(policy, lang);
  if (matcher === null) return [];

  const { regExp, terms } = matcher;
  const matches: BannedMatch[] = [];
  regExp.lastIndex = 0;
  for (let match = regExp.exec(text); match !== null; match = regExp.exec(text)) {
    if (
      match.index > 0 &&
      wordCharacter.test(text.slice(Math.max(0, match.index - 2), match.index))
    ) {
      regExp.lastIndex = match.index + 1;
      continue;
    }
    const group = match.findIndex((value, position) => position > 0 && value !== undefined);
    const term = terms[group - 1];
    if (term === undefined) continue;
    matches.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return matches;
}
