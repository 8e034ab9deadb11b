/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum as Google's `rouge-score` computes them, to four decimal
 * places: same tokenizer, same stemmer, same summary-level LCS, same choice among several
 * references (per metric, the one with the best F-measure).
 * @module
 */

import { MarkwerkError } from '../../core/errors.js';
import { lcsLength, lcsReferenceIndices } from './rouge-lcs.js';
import { tokenizeForRouge } from './rouge-tokenize.js';

export { tokenizeForRouge } from './rouge-tokenize.js';

/** One ROUGE figure: precision against the candidate, recall against the reference. */
export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
  rougeLsum: RougeScore;
}

export interface RougeOptions {
  /** Apply the Porter stemmer to tokens longer than three characters (default false). */
  stemmer?: boolean;
}

const zeroScore: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };

function scoreFromCounts(hits: number, candidateCount: number, referenceCount: number) {
  if (candidateCount === 0 || referenceCount === 0) return { ...zeroScore };
  const precision = hits / candidateCount;
  const recall = hits / referenceCount;
  const fmeasure = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, fmeasure };
}

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start += 1) {
    const key = tokens.slice(start, start + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/** ROUGE-N: overlap of n-grams, each counted at most as often as it occurs in both texts. */
export function rougeN(reference: string, candidate: string, n: number, stem = false): RougeScore {
  const referenceCounts = countNgrams(tokenizeForRouge(reference, stem), n);
  const candidateCounts = countNgrams(tokenizeForRouge(candidate, stem), n);
  let hits = 0;
  for (const [ngram, count] of referenceCounts) {
    hits += Math.min(count, candidateCounts.get(ngram) ?? 0);
  }
  return scoreFromCounts(hits, total(candidateCounts), total(referenceCounts));
}

/** ROUGE-L: the longest common subsequence of the two token lists. */
export function rougeL(reference: string, candidate: string, stem = false): RougeScore {
  const referenceTokens = tokenizeForRouge(reference, stem);
  const candidateTokens = tokenizeForRouge(candidate, stem);
  const hits = lcsLength(referenceTokens, candidateTokens);
  return scoreFromCounts(hits, candidateTokens.length, referenceTokens.length);
}

function sentenceTokens(text: string, stem: boolean): string[][] {
  return text
    .split('\n')
    .filter((sentence) => sentence.length > 0)
    .map((sentence) => tokenizeForRouge(sentence, stem));
}

function countTokens(sentences: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of sentences.flat()) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * ROUGE-Lsum: texts split into sentences on newlines; for each reference sentence the union of
 * its LCS with every candidate sentence counts, and a token is credited no more often than it
 * occurs in either text.
 */
export function rougeLsum(reference: string, candidate: string, stem = false): RougeScore {
  const referenceSentences = sentenceTokens(reference, stem);
  const candidateSentences = sentenceTokens(candidate, stem);
  const referenceLeft = countTokens(referenceSentences);
  const candidateLeft = countTokens(candidateSentences);
  let hits = 0;
  for (const sentence of referenceSentences) {
    const union = new Set<number>();
    for (const other of candidateSentences) {
      for (const index of lcsReferenceIndices(sentence, other)) union.add(index);
    }
    for (const index of [...union].sort((left, right) => left - right)) {
      const token = sentence[index] as string;
      const inReference = referenceLeft.get(token) ?? 0;
      const inCandidate = candidateLeft.get(token) ?? 0;
      if (inReference > 0 && inCandidate > 0) {
        hits += 1;
        referenceLeft.set(token, inReference - 1);
        candidateLeft.set(token, inCandidate - 1);
      }
    }
  }
  return scoreFromCounts(hits, candidateSentences.flat().length, referenceSentences.flat().length);
}

type RougeMetric = keyof RougeScores;

const metrics: Record<
  RougeMetric,
  (reference: string, candidate: string, stem: boolean) => RougeScore
> = {
  rouge1: (reference, candidate, stem) => rougeN(reference, candidate, 1, stem),
  rouge2: (reference, candidate, stem) => rougeN(reference, candidate, 2, stem),
  rougeL,
  rougeLsum,
};

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum of a candidate against one or more references. With
 * several references each metric keeps the reference with the best F-measure (the first on a
 * tie), as `rouge-score`'s `score_multi` does.
 */
export function rougeScores(
  references: readonly string[],
  candidate: string,
  options: RougeOptions = {},
): RougeScores {
  if (references.length === 0) {
    throw new MarkwerkError(
      'USAGE',
      'ROUGE needs at least one reference text; pass a non-empty list.',
    );
  }
  const stem = options.stemmer ?? false;
  const best = (metric: RougeMetric): RougeScore => {
    let bestScore = metrics[metric](references[0] as string, candidate, stem);
    for (const reference of references.slice(1)) {
      const score = metrics[metric](reference, candidate, stem);
      if (score.fmeasure > bestScore.fmeasure) bestScore = score;
    }
    return bestScore;
  };
  return {
    rouge1: best('rouge1'),
    rouge2: best('rouge2'),
    rougeL: best('rougeL'),
    rougeLsum: best('rougeLsum'),
  };
}
