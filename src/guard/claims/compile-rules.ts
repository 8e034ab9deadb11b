/**
 * Compiles a policy's claim rules for one language and indexes them by the stems their
 * patterns start with, so a scan looks only at rules that can start at each token.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { BrandPolicy, ClaimRule } from '../policy/policy-schema.js';
import {
  compileClaimPattern,
  matchAt,
  parseClaimPattern,
  type CompiledElement,
} from './claim-pattern.js';
import { isNegationWord } from './negation.js';
import type { StemToken } from './stem-tokens.js';
import type { WordClass } from './word-classes.js';

export interface CompiledPattern {
  rule: ClaimRule;
  source: string;
  elements: CompiledElement[];
  /** The pattern spells a negation itself ("at no cost"), so only words before it negate. */
  negationInside: boolean;
}

export interface CompiledRuleSet {
  byStem: Map<string, CompiledPattern[]>;
  /** Patterns that start with a word class, tried where a token is in the class. */
  byClass: Map<WordClass, CompiledPattern[]>;
  /** Patterns whose first word is a prefix or that could not be indexed. */
  unindexed: CompiledPattern[];
  exceptions: Map<ClaimRule, CompiledElement[][]>;
}

const cache = new WeakMap<BrandPolicy, Partial<Record<GuardLanguage, CompiledRuleSet>>>();

function index(set: CompiledRuleSet, pattern: CompiledPattern): void {
  const first = pattern.elements[0];
  if (first?.kind === 'class') {
    const list = set.byClass.get(first.wordClass) ?? [];
    list.push(pattern);
    set.byClass.set(first.wordClass, list);
    return;
  }
  if (first?.kind !== 'words' || first.alternatives.some((item) => item.stems === undefined)) {
    set.unindexed.push(pattern);
    return;
  }
  for (const alternative of first.alternatives) {
    for (const stem of alternative.stems ?? []) {
      const list = set.byStem.get(stem) ?? [];
      list.push(pattern);
      set.byStem.set(stem, list);
    }
  }
}

/** The policy's rules for `lang`, compiled once per policy object. */
export function compiledRules(policy: BrandPolicy, lang: GuardLanguage): CompiledRuleSet {
  const perPolicy = cache.get(policy) ?? {};
  const cached = perPolicy[lang];
  if (cached) return cached;

  const set: CompiledRuleSet = {
    byStem: new Map(),
    byClass: new Map(),
    unindexed: [],
    exceptions: new Map(),
  };
  for (const rule of policy.claim_rules.filter((item) => item.lang === lang)) {
    for (const source of rule.patterns) {
      const parsed = parseClaimPattern(source);
      const negationInside = parsed.some(
        (element) =>
          element.kind === 'words' &&
          element.alternatives.some(
            (item) => item.kind === 'word' && isNegationWord(item.word, lang),
          ),
      );
      index(set, { rule, source, elements: compileClaimPattern(parsed, lang), negationInside });
    }
    set.exceptions.set(
      rule,
      rule.except.map((source) => compileClaimPattern(parseClaimPattern(source), lang)),
    );
  }
  perPolicy[lang] = set;
  cache.set(policy, perPolicy);
  return set;
}

/** Every place an exception pattern matches, as token index ranges. */
export function exceptionRanges(
  tokens: readonly StemToken[],
  patterns: readonly CompiledElement[][],
  from: number,
  to: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const elements of patterns) {
    for (let index = Math.max(0, from); index <= to && index < tokens.length; index += 1) {
      const end = matchAt(tokens, index, elements);
      if (end >= 0) ranges.push([index, end]);
    }
  }
  return ranges;
}
