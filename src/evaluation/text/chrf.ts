/**
 * chrF (Popović 2015) and chrF++ (Popović 2017) as sacreBLEU 2.x computes them by default:
 * character n-grams up to 6 without whitespace, beta 2, precision and recall averaged over the
 * orders both sides have (no epsilon smoothing). Scores are on the 0–100 scale.
 * @module
 */

import { extractChrfNgrams, matchStatistics } from './chrf-statistics.js';

/** Options for chrF; the defaults are sacreBLEU's. */
export interface ChrfOptions {
  /** Word n-gram order: 0 for chrF (default), 2 for chrF++. */
  wordOrder?: number;
  /** Character n-gram order, default 6. */
  charOrder?: number;
  /** Weight of recall against precision, default 2. */
  beta?: number;
}

/** A chrF score on the 0–100 scale. */
export interface ChrfScore {
  score: number;
}

function fScore(statistics: readonly number[], beta: number): number {
  const factor = beta ** 2;
  let precisionSum = 0;
  let recallSum = 0;
  let ordersUsed = 0;
  for (let index = 0; index + 2 < statistics.length; index += 3) {
    const candidateTotal = statistics[index]!;
    const referenceTotal = statistics[index + 1]!;
    const matches = statistics[index + 2]!;
    if (candidateTotal > 0 && referenceTotal > 0) {
      precisionSum += matches / candidateTotal;
      recallSum += matches / referenceTotal;
      ordersUsed += 1;
    }
  }
  if (ordersUsed === 0) return 0;

  const precision = precisionSum / ordersUsed;
  const recall = recallSum / ordersUsed;
  if (precision + recall === 0) return 0;
  return 100 * (((1 + factor) * precision * recall) / (factor * precision + recall));
}

/** Statistics of the reference that gives the candidate its best score; the first on a tie. */
function bestStatistics(
  candidate: string,
  references: readonly string[],
  options: Required<ChrfOptions>,
) {
  if (references.length === 0) {
    throw new RangeError('chrF needs at least one reference per candidate; pass one or more.');
  }
  const { charOrder, wordOrder, beta } = options;
  const candidateNgrams = extractChrfNgrams(candidate, charOrder, wordOrder);
  let best: number[] = [];
  let bestScore = -1;
  for (const reference of references) {
    const statistics = matchStatistics(
      candidateNgrams,
      extractChrfNgrams(reference, charOrder, wordOrder),
    );
    const score = fScore(statistics, beta);
    if (score > bestScore) {
      bestScore = score;
      best = statistics;
    }
  }
  return best;
}

function withDefaults(options: ChrfOptions): Required<ChrfOptions> {
  return {
    wordOrder: options.wordOrder ?? 0,
    charOrder: options.charOrder ?? 6,
    beta: options.beta ?? 2,
  };
}

/**
 * Corpus chrF, equal to sacreBLEU's `corpus_chrf`: per segment the statistics of the best
 * reference are kept, summed over the corpus, then scored once. `references[i]` holds the
 * references of `candidates[i]`. Pass `{ wordOrder: 2 }` for chrF++.
 */
export function corpusChrf(
  candidates: readonly string[],
  references: readonly (readonly string[])[],
  options: ChrfOptions = {},
): ChrfScore {
  if (candidates.length !== references.length) {
    throw new RangeError(
      `corpusChrf got ${candidates.length} candidates but ${references.length} reference lists; ` +
        'pass one list of references per candidate.',
    );
  }
  const settings = withDefaults(options);
  const sum = new Array<number>(3 * (settings.charOrder + settings.wordOrder)).fill(0);
  candidates.forEach((candidate, index) => {
    const statistics = bestStatistics(candidate, references[index]!, settings);
    statistics.forEach((value, position) => (sum[position]! += value));
  });
  return { score: fScore(sum, settings.beta) };
}

/** Sentence chrF, equal to sacreBLEU's `sentence_chrf`. Pass `{ wordOrder: 2 }` for chrF++. */
export function sentenceChrf(
  candidate: string,
  references: readonly string[],
  options: ChrfOptions = {},
): ChrfScore {
  return corpusChrf([candidate], [references], options);
}
