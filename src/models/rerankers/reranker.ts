/**
 * The Reranker port: re-scores the top candidates of a search against the query.
 * Adapters: a feature-based scorer (offline default), a transformers.js cross-encoder,
 * and a TEI `/rerank` client.
 * @module
 */

export interface RerankCandidate {
  id: string;
  text: string;
  title?: string;
  /** The first-stage score, which a feature-based reranker may use as one feature. */
  score?: number;
}

export interface RerankedHit {
  id: string;
  score: number;
}

export interface Reranker {
  readonly modelId: string;
  /** Scores every candidate; the result is sorted by score, best first. */
  rerank(query: string, candidates: RerankCandidate[]): Promise<RerankedHit[]>;
  close(): Promise<void>;
}
