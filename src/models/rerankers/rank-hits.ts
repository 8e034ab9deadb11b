import type { RerankCandidate, RerankedHit } from './reranker.js';

const comparable = (score: number): number =>
  Number.isNaN(score) ? Number.NEGATIVE_INFINITY : score;

/**
 * Sorts hits best first, in place, and returns them. The sort is stable, so equal scores keep
 * the order the candidates came in (the first stage's order) and ties never shuffle between
 * runs; a score that is not a number sorts last.
 */
export function sortByScore<Hit extends RerankedHit>(hits: Hit[]): Hit[] {
  return hits.sort((left, right) => {
    const difference = comparable(right.score) - comparable(left.score);
    return Number.isNaN(difference) ? 0 : difference;
  });
}

/** Pairs each candidate with the score at the same index and sorts best first. */
export function rankByScore(
  candidates: RerankCandidate[],
  scores: ArrayLike<number>,
): RerankedHit[] {
  const hits = candidates.map((candidate, index) => ({
    id: candidate.id,
    score: scores[index] ?? Number.NaN,
  }));
  return sortByScore(hits);
}

/** The text a cross-encoder reads for one candidate: the title on its own line, then the text. */
export function passageText(candidate: RerankCandidate): string {
  const title = candidate.title?.trim();
  return title ? `${title}\n${candidate.text}` : candidate.text;
}
