/**
 * Finds which injection rules can match a text in one pass: every rule's trigger strings in
 * a trie, walked from each position of the lower-cased text, instead of one `includes` scan
 * per trigger.
 * @module
 */

import type { InjectionRule } from './injection-rules.js';

/** A trie of trigger strings by UTF-16 unit; ASCII children in an array, others in a map. */
export interface TriggerIndex {
  ascii: Array<TriggerIndex | undefined>;
  other: Map<number, TriggerIndex>;
  /** Rules whose trigger ends here. */
  rules: InjectionRule[];
}

function emptyNode(): TriggerIndex {
  return { ascii: [], other: new Map(), rules: [] };
}

function child(node: TriggerIndex, code: number): TriggerIndex | undefined {
  return code < 128 ? node.ascii[code] : node.other.get(code);
}

/** Indexes the triggers of `rules`. */
export function triggerIndex(rules: readonly InjectionRule[]): TriggerIndex {
  const root = emptyNode();
  for (const rule of rules) {
    for (const trigger of rule.triggers) {
      let node = root;
      for (let index = 0; index < trigger.length; index += 1) {
        const code = trigger.charCodeAt(index);
        let next = child(node, code);
        if (next === undefined) {
          next = emptyNode();
          if (code < 128) node.ascii[code] = next;
          else node.other.set(code, next);
        }
        node = next;
      }
      if (!node.rules.includes(rule)) node.rules.push(rule);
    }
  }
  return root;
}

/**
 * The rules with at least one trigger in `lower` (the text, lower-cased), each with the
 * offsets where its triggers start. A space in a trigger matches any run of whitespace, as
 * the rules' `\s+` do, so "you are  now" or a line break cannot slip past "you are now".
 */
export function triggeredRules(lower: string, index: TriggerIndex): Map<InjectionRule, number[]> {
  const found = new Map<InjectionRule, number[]>();
  for (let position = 0; position < lower.length; position += 1) {
    let node = child(index, lower.charCodeAt(position));
    for (let next = position + 1; node !== undefined; next += 1) {
      for (const rule of node.rules) {
        const positions = found.get(rule);
        if (positions === undefined) found.set(rule, [position]);
        else if (positions.at(-1) !== position) positions.push(position);
      }
      if (next >= lower.length) break;
      const code = lower.charCodeAt(next);
      if (isSpace(code) && node.ascii[32] !== undefined) {
        while (next + 1 < lower.length && isSpace(lower.charCodeAt(next + 1))) next += 1;
        node = node.ascii[32];
      } else node = child(node, code);
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
