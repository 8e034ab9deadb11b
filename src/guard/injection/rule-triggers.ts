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

/**
 * The rules with at least one trigger in `lower` (the text, lower-cased), each with the
 * offsets where its triggers start.
 */
export function triggeredRules(lower: string, index: TriggerIndex): Map<InjectionRule, number[]> {
  const found = new Map<InjectionRule, number[]>();
  for (let position = 0; position < lower.length; position += 1) {
    const entries = index.get(lower.charCodeAt(position));
    if (entries === undefined) continue;
    for (const { trigger, rules } of entries) {
      if (!lower.startsWith(trigger, position)) continue;
      for (const rule of rules) {
        const positions = found.get(rule);
        if (positions === undefined) found.set(rule, [position]);
        else positions.push(position);
      }
    }
  }
  return found;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

// Moves from `index` over `words` whitespace-separated words in `step` direction and stops
// at a word edge (the text's end or a whitespace character).
function overWords(text: string, index: number, words: number, step: 1 | -1): number {
  let position = index;
  const inside = (at: number) => (step === 1 ? at < text.length : at > 0);
  const charAt = (at: number) => text.charCodeAt(step === 1 ? at : at - 1);
  for (let word = 0; word <= words; word += 1) {
    while (inside(position) && word > 0 && isSpace(charAt(position))) position += step;
    while (inside(position) && !isSpace(charAt(position))) position += step;
  }
  return position;
}

/**
 * Stretches of `text` around trigger offsets, `words` whole words to each side, merged;
 * each starts and ends at a word edge, so `\b` and look-arounds read as on the whole text.
 */
export function triggerWindows(
  text: string,
  positions: readonly number[],
  words: number,
): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const position of positions) {
    const from = overWords(text, position, words, -1);
    const to = overWords(text, position, words, 1);
    const previous = windows.at(-1);
    if (previous !== undefined && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else windows.push([from, to]);
  }
  return windows;
}
