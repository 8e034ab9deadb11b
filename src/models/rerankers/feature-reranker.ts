import { MarkwerkError } from '../../core/errors.js';
import { sortByScore } from './rank-hits.js';
import { QueryMatcher } from './reranking-features.js';
import type { RerankFeatures } from './reranking-features.js';
import type { RerankCandidate, RerankedHit, Reranker } from './reranker.js';

export type { RerankFeatures } from './reranking-features.js';

/** How much each feature counts; the score is the weighted sum of the feature values. */
export type FeatureWeights = Record<keyof RerankFeatures, number>;

/**
 * Defaults chosen on the SciFact train queries (docs/decisions/2026-12-03-rerankers.md). The
 * first-stage score keeps the largest weight, because the word features alone rank worse than
 * BM25; phrase and title matches break its near-ties.
 */
export const defaultFeatureWeights: Readonly<FeatureWeights> = Object.freeze({
  coverage: 0.05,
  phrase: 0.4,
  proximity: 0.1,
  title: 0.4,
  firstStage: 1,
});

/** A reranked candidate with the feature values that produced its score. */
export interface FeatureRerankedHit extends RerankedHit {
  features: RerankFeatures;
}

/**
 * The offline default reranker: scores candidates by how much of the query they contain, how
 * closely and in what order, whether the title names it, and how the first stage rated them.
 * Deterministic and fast enough to run on every query.
 */
export class FeatureReranker implements Reranker {
  readonly modelId = 'markwerk-features-1';
  readonly weights: Readonly<FeatureWeights>;

  /** @param weights overrides for some of `defaultFeatureWeights`; each at least 0. */
  constructor(weights: Partial<FeatureWeights> = {}) {
    const merged = { ...defaultFeatureWeights, ...weights };
    for (const [name, weight] of Object.entries(merged)) {
      if (Number.isFinite(weight) && weight >= 0) continue;
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Reranker weight "${name}" is ${weight}; use a finite number of 0 or more.`,
        { details: { key: `weights.${name}`, value: weight } },
      );
    }
    this.weights = Object.freeze(merged);
  }

  async rerank(query: string, candidates: RerankCandidate[]): Promise<FeatureRerankedHit[]> {
    return this.explain(query, candidates);
  }

  /** The same ranking as `rerank`, computed synchronously; each hit carries its features. */
  explain(query: string, candidates: RerankCandidate[]): FeatureRerankedHit[] {
    const matcher = new QueryMatcher(query);
    const scaleFirstStage = firstStageScaler(candidates);
    const hits = candidates.map((candidate) => {
      const features = {
        ...matcher.score(candidate.text, candidate.title),
        firstStage: scaleFirstStage(candidate.score),
      };
      return { id: candidate.id, score: this.combine(features), features };
    });
    return sortByScore(hits);
  }

  async close(): Promise<void> {}

  private combine(features: RerankFeatures): number {
    let score = 0;
    for (const name of Object.keys(features) as (keyof RerankFeatures)[]) {
      score += this.weights[name] * features[name];
    }
    return score;
  }
}

/** Min-max scaling over the candidates that have a first-stage score. */
function firstStageScaler(candidates: RerankCandidate[]): (score?: number) => number {
  const scores = candidates
    .map((candidate) => candidate.score)
    .filter((score): score is number => score !== undefined && Number.isFinite(score));
  const lowest = Math.min(...scores);
  const range = Math.max(...scores) - lowest;
  return (score) => {
    if (score === undefined || !Number.isFinite(score) || !(range > 0)) return 0;
    return (score - lowest) / range;
  };
}
