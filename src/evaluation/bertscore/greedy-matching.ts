import type { TokenEncoding } from './token-encoder.js';

/** BERTScore of one candidate against one reference. */
export interface BertScore {
  precision: number;
  recall: number;
  f1: number;
}

/** Weight of a token in the sums; 1 for every token without idf weighting. */
export type TokenWeight = (token: string) => number;

function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum;
}

/**
 * Greedy matching of token vectors as in BERTScore (Zhang et al., 2020): each candidate token
 * is matched to its most similar reference token (cosine of unit vectors) for precision, and
 * each reference token to its most similar candidate token for recall; the maxima are averaged
 * with the token weights. F1 is their harmonic mean. An empty side scores 0.
 */
export function greedyMatch(
  candidate: TokenEncoding,
  reference: TokenEncoding,
  weight: TokenWeight = () => 1,
): BertScore {
  if (candidate.vectors.length === 0 || reference.vectors.length === 0) {
    return { precision: 0, recall: 0, f1: 0 };
  }

  const bestForCandidate = new Float64Array(candidate.vectors.length).fill(-Infinity);
  const bestForReference = new Float64Array(reference.vectors.length).fill(-Infinity);
  candidate.vectors.forEach((vector, row) => {
    reference.vectors.forEach((other, column) => {
      const similarity = dot(vector, other);
      if (similarity > bestForCandidate[row]!) bestForCandidate[row] = similarity;
      if (similarity > bestForReference[column]!) bestForReference[column] = similarity;
    });
  });

  const precision = weightedMean(bestForCandidate, candidate.tokens, weight);
  const recall = weightedMean(bestForReference, reference.tokens, weight);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * The weighted mean of the best similarities. When every weight is 0 (with idf over a single
 * reference, every reference token has idf 0) the plain mean is used instead of 0/0.
 */
function weightedMean(best: Float64Array, tokens: readonly string[], weight: TokenWeight): number {
  let sum = 0;
  let total = 0;
  best.forEach((similarity, index) => {
    const tokenWeight = weight(tokens[index]!);
    sum += tokenWeight * similarity;
    total += tokenWeight;
  });
  if (total > 0) return sum / total;
  return best.reduce((accumulated, similarity) => accumulated + similarity, 0) / best.length;
}

/**
 * Inverse document frequency over the reference texts, as BERTScore defines it:
 * idf(t) = ln((M + 1) / (df(t) + 1)) for M references, where df counts the references holding
 * t; a token no reference holds gets ln(M + 1).
 */
export function idfWeights(references: ReadonlyArray<readonly string[]>): TokenWeight {
  const documentFrequency = new Map<string, number>();
  for (const tokens of references) {
    for (const token of new Set(tokens)) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
  }
  const total = references.length;
  return (token) => Math.log((total + 1) / ((documentFrequency.get(token) ?? 0) + 1));
}
