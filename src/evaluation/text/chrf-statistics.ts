/**
 * Character and word n-gram statistics for chrF and chrF++, counted over Unicode code points the
 * way sacreBLEU 2.x counts them.
 * @module
 */

import { splitWhitespace } from './tokenize-13a.js';

/** Python's `string.punctuation`, which sacreBLEU splits off word edges for chrF++. */
const PUNCTUATION = new Set(Array.from('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'));

/** Counts of n-grams of one order, keyed by the n-gram text. */
type NgramCounts = Map<string, number>;

function countSequence(items: readonly string[], order: number, separator: string): NgramCounts {
  const counts: NgramCounts = new Map();
  for (let start = 0; start + order <= items.length; start++) {
    const key = items.slice(start, start + order).join(separator);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Splits words on whitespace and separates one punctuation mark from the end of a word or, if
 * the end is not punctuation, from its start ("word." → "word", "."), as sacreBLEU does.
 */
function wordsWithPunctuationSplit(text: string): string[] {
  const words: string[] = [];
  for (const word of splitWhitespace(text)) {
    const characters = Array.from(word);
    const first = characters[0]!;
    const last = characters[characters.length - 1]!;
    if (characters.length === 1) words.push(word);
    else if (PUNCTUATION.has(last)) words.push(characters.slice(0, -1).join(''), last);
    else if (PUNCTUATION.has(first)) words.push(first, characters.slice(1).join(''));
    else words.push(word);
  }
  return words;
}

/**
 * The n-gram counts of a text: character orders 1..charOrder over the text with all whitespace
 * removed, then word orders 1..wordOrder.
 */
export function extractChrfNgrams(
  text: string,
  charOrder: number,
  wordOrder: number,
): NgramCounts[] {
  const characters = Array.from(splitWhitespace(text).join(''));
  const all: NgramCounts[] = [];
  for (let order = 1; order <= charOrder; order++) all.push(countSequence(characters, order, ''));

  if (wordOrder > 0) {
    const words = wordsWithPunctuationSplit(text);
    for (let order = 1; order <= wordOrder; order++) all.push(countSequence(words, order, ' '));
  }
  return all;
}

/**
 * Flat [candidate count, reference count, matches] triples, one per order. A candidate's n-grams
 * count as zero for an order where the reference has none, as in sacreBLEU.
 */
export function matchStatistics(
  candidate: readonly NgramCounts[],
  reference: readonly NgramCounts[],
): number[] {
  const statistics: number[] = [];
  candidate.forEach((candidateCounts, index) => {
    const referenceCounts = reference[index]!;
    let candidateTotal = 0;
    let matches = 0;
    for (const [ngram, count] of candidateCounts) {
      candidateTotal += count;
      matches += Math.min(count, referenceCounts.get(ngram) ?? 0);
    }
    let referenceTotal = 0;
    for (const count of referenceCounts.values()) referenceTotal += count;
    statistics.push(referenceCounts.size > 0 ? candidateTotal : 0, referenceTotal, matches);
  });
  return statistics;
}
