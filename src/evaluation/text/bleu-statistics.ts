/**
 * Sufficient statistics for BLEU: per-order matched and total n-gram counts, the candidate length
 * and the effective reference length, summed over a corpus before the score is computed.
 * @module
 */

import { splitWhitespace } from './tokenize-13a.js';

/** Counts and lengths for one segment, or for a corpus once summed. */
export interface BleuStatistics {
  sysLen: number;
  refLen: number;
  /** Clipped n-gram matches per order (index 0 = unigrams). */
  counts: number[];
  /** Candidate n-grams per order. */
  totals: number[];
}

/** All n-grams of orders 1..maxOrder, keyed by their tokens joined with a space. */
function countNgrams(tokens: readonly string[], maxOrder: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let order = 1; order <= maxOrder; order++) {
    for (let start = 0; start + order <= tokens.length; start++) {
      const key = tokens.slice(start, start + order).join(' ');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The reference length closest to the candidate length; on a tie the shorter one. */
function closestReferenceLength(candidateLength: number, referenceLengths: number[]): number {
  let closestLength = -1;
  let closestDifference = -1;
  for (const length of referenceLengths) {
    const difference = Math.abs(candidateLength - length);
    const closer = closestDifference === -1 || difference < closestDifference;
    if (closer || (difference === closestDifference && length < closestLength)) {
      closestDifference = difference;
      closestLength = length;
    }
  }
  return closestLength;
}

/**
 * Statistics of one tokenized candidate against its tokenized references. Each candidate n-gram
 * is clipped by the largest count it has in any single reference.
 */
export function segmentStatistics(
  candidate: string,
  references: readonly string[],
  maxOrder: number,
): BleuStatistics {
  const candidateTokens = splitWhitespace(candidate);
  const referenceMaxima = new Map<string, number>();
  const referenceLengths: number[] = [];
  for (const reference of references) {
    const referenceTokens = splitWhitespace(reference);
    referenceLengths.push(referenceTokens.length);
    for (const [ngram, count] of countNgrams(referenceTokens, maxOrder)) {
      referenceMaxima.set(ngram, Math.max(referenceMaxima.get(ngram) ?? 0, count));
    }
  }

  const counts = new Array<number>(maxOrder).fill(0);
  const totals = new Array<number>(maxOrder).fill(0);
  for (const [ngram, count] of countNgrams(candidateTokens, maxOrder)) {
    const order = ngram.split(' ').length - 1;
    totals[order]! += count;
    counts[order]! += Math.min(count, referenceMaxima.get(ngram) ?? 0);
  }

  return {
    sysLen: candidateTokens.length,
    refLen: closestReferenceLength(candidateTokens.length, referenceLengths),
    counts,
    totals,
  };
}

/** Element-wise sum of segment statistics. */
export function sumStatistics(
  segments: readonly BleuStatistics[],
  maxOrder: number,
): BleuStatistics {
  const sum: BleuStatistics = {
    sysLen: 0,
    refLen: 0,
    counts: new Array<number>(maxOrder).fill(0),
    totals: new Array<number>(maxOrder).fill(0),
  };
  for (const segment of segments) {
    sum.sysLen += segment.sysLen;
    sum.refLen += segment.refLen;
    for (let index = 0; index < maxOrder; index++) {
      sum.counts[index]! += segment.counts[index]!;
      sum.totals[index]! += segment.totals[index]!;
    }
  }
  return sum;
}
