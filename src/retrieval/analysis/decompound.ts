/**
 * Dictionary-based splitting of German compounds against a set of known terms.
 * @module
 */

import type { Stemmer } from './stemmers.js';

/** Anything that can answer whether a term is known, such as an index vocabulary. */
export interface Lexicon {
  has(term: string): boolean;
}

/** Parts shorter than this are never split off: "Eis", "See" and Fugen letters stay attached. */
export const MIN_PART_LENGTH = 4;
const MIN_COMPOUND_LENGTH = 2 * MIN_PART_LENGTH;

/**
 * Splits a folded word into the finest sequence of known parts, each at least four characters
 * long, and returns the parts' stems; an empty array when no such split exists. A part is known
 * when its stem or the part itself is in the lexicon ("wander" → stem "wand", known from
 * "wandern"), so "wanderschuhe" gives ["wand", "schuh"].
 */
export function decompound(word: string, lexicon: Lexicon, stem: Stemmer): string[] {
  if (word.length < MIN_COMPOUND_LENGTH) return [];

  // partsUpTo[end]: the most parts that cover word[0, end), each known; -1 when none does.
  const partsUpTo = new Int32Array(word.length + 1).fill(-1);
  const cutBefore = new Int32Array(word.length + 1);
  partsUpTo[0] = 0;
  for (let end = MIN_PART_LENGTH; end <= word.length; end += 1) {
    for (let start = 0; start <= end - MIN_PART_LENGTH; start += 1) {
      const before = partsUpTo[start] ?? -1;
      if (before < 0 || before + 1 <= (partsUpTo[end] ?? -1)) continue;
      if (start === 0 && end === word.length) continue;
      const part = word.slice(start, end);
      if (lexicon.has(stem(part)) || lexicon.has(part)) {
        partsUpTo[end] = before + 1;
        cutBefore[end] = start;
      }
    }
  }
  if ((partsUpTo[word.length] ?? -1) < 2) return [];

  const stems: string[] = [];
  for (let end = word.length; end > 0; end = cutBefore[end] ?? 0) {
    stems.push(stem(word.slice(cutBefore[end] ?? 0, end)));
  }
  return stems.reverse();
}
