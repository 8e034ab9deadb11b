/**
 * Finds which injection rules can match a text in one pass: every rule's trigger strings
 * indexed by their first character, looked up at each position of the lower-cased text,
 * instead of one `includes` scan per trigger.
 * @module
 */

import type { InjectionRule } from './injection-rules.js';

/** Triggers by first UTF-16 unit, each with the rules it enables. */
export type TriggerIndex = Map<number, Array<{ trigger: string; rules: InjectionRule[] }>>;

/** Indexes the triggers of `rules`. */
export function triggerIndex(rules: readonly InjectionRule[]): TriggerIndex {
  const byTrigger = new Map<string, InjectionRule[]>();
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      const list = byTrigger.get(trigger) ?? [];
      list.push(rule);
      byTrigger.set(trigger, list);
    }
  }
  const index: TriggerIndex = new Map();
  for (const [trigger, list] of byTrigger) {
    const first = trigger.charCodeAt(0);
    const entries = index.get(first) ?? [];
    entries.push({ trigger, rules: list });
    index.set(first, entries);
  }
  return index;
}

/** The rules with at least one trigger in `lower` (the text, lower-cased). */
export function triggeredRules(lower: string, index: TriggerIndex): Set<InjectionRule> {
  const found = new Set<InjectionRule>();
  for (let position = 0; position < lower.length; position += 1) {
    const entries = index.get(lower.charCodeAt(position));
    if (entries === undefined) continue;
    for (const { trigger, rules } of entries) {
      if (!lower.startsWith(trigger, position)) continue;
      for (const rule of rules) found.add(rule);
    }
  }
  return found;
}
