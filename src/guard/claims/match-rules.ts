/**
 * Runs compiled claim rules over stem tokens: index lookup per token, pattern match,
 * exception and negation checks, then one match per stretch of text.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { ClaimRule } from '../policy/policy-schema.js';
import { matchAt } from './claim-pattern.js';
import { exceptionRanges, type CompiledPattern, type CompiledRuleSet } from './compile-rules.js';
import { isNegated } from './negation.js';
import { inWordClass } from './word-classes.js';
import type { StemToken } from './stem-tokens.js';

export interface RuleMatch {
  rule: ClaimRule;
  pattern: string;
  /** Token indexes, inclusive. */
  first: number;
  last: number;
}

function isExcepted(tokens: readonly StemToken[], set: CompiledRuleSet, match: RuleMatch): boolean {
  const patterns = set.exceptions.get(match.rule) ?? [];
  if (patterns.length === 0) return false;

  const ranges = exceptionRanges(tokens, patterns, match.first - 6, match.last);
  return ranges.some(([first, last]) => first <= match.last && last >= match.first);
}

/** Keeps the earliest, then longest, match of overlapping ones. */
function withoutOverlaps(matches: RuleMatch[]): RuleMatch[] {
  const sorted = [...matches].sort(
    (left, right) => left.first - right.first || right.last - left.last,
  );
  const kept: RuleMatch[] = [];
  for (const match of sorted) {
    const previous = kept.at(-1);
    if (previous !== undefined && match.first <= previous.last) continue;
    kept.push(match);
  }
  return kept;
}

/** All claim-rule matches in the tokens, overlaps resolved. */
export function matchRules(
  tokens: readonly StemToken[],
  set: CompiledRuleSet,
  lang: GuardLanguage,
): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const classPatterns = [...set.byClass];

  const tryPattern = (pattern: CompiledPattern, index: number) => {
    const last = matchAt(tokens, index, pattern.elements);
    if (last < 0) return;

    const match: RuleMatch = { rule: pattern.rule, pattern: pattern.source, first: index, last };
    if (pattern.rule.negatable && isNegated(tokens, index, lang, !pattern.negationInside)) return;
    if (isExcepted(tokens, set, match)) return;
    matches.push(match);
  };

  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === undefined) continue;
    for (const stem of token.stems) {
      for (const pattern of set.byStem.get(stem) ?? []) tryPattern(pattern, index);
    }
    for (const pattern of set.unindexed) tryPattern(pattern, index);
    for (const [wordClass, patterns] of classPatterns) {
      if (!inWordClass(token, wordClass, lang)) continue;
      for (const pattern of patterns) tryPattern(pattern, index);
    }
  }
  return withoutOverlaps(matches);
}
