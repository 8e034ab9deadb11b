/**
 * The Embedder port: text in, unit-length vectors out. Adapters: the offline Universal
 * Sentence Encoder lite (weights installed with npm), transformers.js models by Hub id or
 * local folder, and a Text Embeddings Inference (TEI) server.
 * @module
 */

/** Queries and passages may be embedded differently (e5 wants "query: " / "passage: "). */
export type EmbeddingKind = 'query' | 'passage';

export interface Embedder {
  /** Model id, e.g. `universal-sentence-encoder-lite` or `intfloat/multilingual-e5-small`. */
  readonly modelId: string;
  /** Pinned revision (a commit hash or package version); part of every cache key. */
  readonly revision: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in input order. */
  embed(texts: string[], kind: EmbeddingKind): Promise<Float32Array[]>;
  close(): Promise<void>;
}
