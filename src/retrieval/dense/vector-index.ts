/**
 * The dense vector index: unit-length vectors in, nearest chunks by cosine similarity out.
 * Two implementations share this contract: an exact scan (optionally quantised) for small
 * sets and an HNSW graph for large ones. `createVectorIndex` picks one.
 * @module
 */
import type { ChunkFilter, ScoredHit } from '../types.js';

/** How the exact index stores vectors: float32, one signed byte per value, or one bit. */
export type Quantization = 'none' | 'int8' | 'binary';

export type VectorIndexKind = 'exact' | 'hnsw';

export interface VectorSearchOptions {
  /** How many hits to return at most. */
  k: number;
  /** Keeps only the chunk ids it accepts; applied before the best k are chosen. */
  filter?: ChunkFilter;
}

export interface VectorIndex {
  readonly kind: VectorIndexKind;
  readonly dimension: number;
  /** Number of live vectors (removed ones do not count). */
  readonly size: number;
  /**
   * Adds a vector, or replaces the vector already stored under `id`. The vector must have
   * `dimension` values and unit length (L2-normalised); it is copied.
   */
  add(id: string, vector: Float32Array): void;
  /** Removes `id`; returns false when it was not there. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /**
   * The stored vector of `id` (a copy; rebuilt from int8 codes when only those are kept),
   * for diversification. Undefined when absent or when only sign bits are stored.
   */
  vectorOf(id: string): Float32Array | undefined;
  /**
   * The `k` stored vectors most similar to the unit-length `vector`, best first. The score is
   * the cosine similarity (an estimate when the index is quantised). Ties keep insertion order.
   */
  search(vector: Float32Array, options: VectorSearchOptions): ScoredHit[];
  /**
   * Writes the index into `folder` (created when missing) so that `loadVectorIndex` can read
   * it back. The folder's manifest is replaced last and atomically, so a crash mid-save leaves
   * the previous index readable.
   */
  save(folder: string): Promise<void>;
}
