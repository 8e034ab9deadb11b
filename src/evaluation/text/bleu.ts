/**
 * BLEU as sacreBLEU 2.x computes it by default: 13a tokenization, no lowercasing, n-grams up to
 * order 4, closest reference length, and 'exp' smoothing (mteval-v13a / Lin & Och) for orders
 * with no match. Scores are on the 0–100 scale.
 * @module
 */

import { type BleuStatistics, segmentStatistics, sumStatistics } from './bleu-statistics.js';
import { tokenize13a, trimEndWhitespace } from './tokenize-13a.js';

const MAX_ORDER = 4;
/** sacreBLEU's floor for log(0), which drives a score with a zero precision to 0. */
const LOG_OF_ZERO = -9999999999;

/** A BLEU score with the figures behind it. */
export interface BleuScore {
  /** BLEU on the 0–100 scale. */
  score: number;
  /** Per-order precisions on the 0–100 scale, after smoothing (index 0 = unigrams). */
  precisions: number[];
  /** Brevity penalty, 1 when the candidates are at least as long as the references. */
  bp: number;
  /** Candidate length in tokens. */
  sysLen: number;
  /** Effective reference length in tokens. */
  refLen: number;
  /** Clipped n-gram matches per order. */
  counts: number[];
  /** Candidate n-grams per order. */
  totals: number[];
}

function scoreFromStatistics(statistics: BleuStatistics, effectiveOrder: boolean): BleuScore {
  const { sysLen, refLen, counts, totals } = statistics;
  let bp = 1;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0;

  const precisions = new Array<number>(MAX_ORDER).fill(0);
  const result = { score: 0, precisions, bp, sysLen, refLen, counts, totals };
  if (counts.every((count) => count === 0)) return result;

  let smoothing = 1;
  let orderUsed = MAX_ORDER;
  for (let order = 1; order <= MAX_ORDER; order++) {
    const total = totals[order - 1]!;
    const correct = counts[order - 1]!;
    if (total === 0) break;
    if (effectiveOrder) orderUsed = order;

    if (correct === 0) {
      smoothing *= 2;
      precisions[order - 1] = 100 / (smoothing * total);
    } else {
      precisions[order - 1] = (100 * correct) / total;
    }
  }

  let logSum = 0;
  for (const precision of precisions.slice(0, orderUsed)) {
    logSum += precision === 0 ? LOG_OF_ZERO : Math.log(precision);
  }
  return { ...result, score: bp * Math.exp(logSum / orderUsed) };
}

function statisticsFor(candidate: string, references: readonly string[]): BleuStatistics {
  if (references.length === 0) {
    throw new RangeError('BLEU needs at least one reference per candidate; pass one or more.');
  }
  const prepare = (text: string): string => tokenize13a(trimEndWhitespace(text));
  return segmentStatistics(prepare(candidate), references.map(prepare), MAX_ORDER);
}

/**
 * Corpus BLEU, equal to sacreBLEU's `corpus_bleu` with its defaults (statistics summed over all
 * segments, then one score; no effective order). `references[i]` holds the references of
 * `candidates[i]`; their number may differ between candidates.
 */
export function corpusBleu(
  candidates: readonly string[],
  references: readonly (readonly string[])[],
): BleuScore {
  if (candidates.length !== references.length) {
    throw new RangeError(
      `corpusBleu got ${candidates.length} candidates but ${references.length} reference lists; ` +
        'pass one list of references per candidate.',
    );
  }
  const segments = candidates.map((candidate, index) =>
    statisticsFor(candidate, references[index]!),
  );
  return scoreFromStatistics(sumStatistics(segments, MAX_ORDER), false);
}

/**
 * Sentence BLEU, equal to sacreBLEU's `sentence_bleu` with its defaults: 'exp' smoothing and
 * effective order, so orders the candidate is too short to have are left out of the mean.
 */
export function sentenceBleu(candidate: string, references: readonly string[]): BleuScore {
  return scoreFromStatistics(statisticsFor(candidate, references), true);
}
