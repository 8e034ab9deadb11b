import { MarkwerkError } from '../../core/errors.js';
import { ExactVectorIndex } from './exact-index.js';
import { HnswVectorIndex, type HnswOptions } from './hnsw-index.js';
import { indexFile, readIndexManifest } from './index-folder.js';
import { readFile } from 'node:fs/promises';
import { assertWholeNumber } from './vector-checks.js';
import type { Quantization, VectorIndex, VectorIndexKind } from './vector-index.js';

export interface CreateVectorIndexOptions {
  dimension: number;
  /** How many vectors the index is being built for; decides exact or HNSW. */
  expectedSize: number;
  /** Sets smaller than this are searched exactly (default 20,000). */
  exactBelow?: number;
  /** Storage of the exact index, and of the HNSW index's exact copy (default 'none'). */
  quantization?: Quantization;
  /** Binary quantisation: float32 re-scoring candidates per hit, 0 for none (default 10). */
  binaryRescore?: number;
  hnsw?: HnswOptions;
}

const DEFAULT_EXACT_BELOW = 20_000;

/** The kind `createVectorIndex` builds for `size` vectors. */
export function preferredIndexKind(
  size: number,
  exactBelow = DEFAULT_EXACT_BELOW,
): VectorIndexKind {
  return size < exactBelow ? 'exact' : 'hnsw';
}

/**
 * A new, empty vector index: exact search below `exactBelow` expected vectors, an HNSW
 * graph from there on. The kind is fixed once built; an index that later grows or shrinks
 * across the threshold keeps working and is switched when it is rebuilt
 * (see `vectorIndexNeedsRebuild`).
 * @example
 * const index = createVectorIndex({ dimension: 512, expectedSize: chunks.length });
 */
export function createVectorIndex(options: CreateVectorIndexOptions): VectorIndex {
  assertWholeNumber(options.expectedSize, 0, 'expectedSize');
  const { dimension, quantization, binaryRescore } = options;
  if (preferredIndexKind(options.expectedSize, options.exactBelow) === 'exact') {
    return new ExactVectorIndex({ dimension, quantization, binaryRescore });
  }
  return new HnswVectorIndex({ ...options.hnsw, dimension, quantization });
}

/**
 * True when `index` is of the other kind than a fresh build for its current size would be.
 * Going back from HNSW to exact waits until the set is under half the threshold, so an
 * index hovering around the threshold is not rebuilt again and again.
 */
export function vectorIndexNeedsRebuild(
  index: VectorIndex,
  options: Pick<CreateVectorIndexOptions, 'exactBelow'> = {},
): boolean {
  const exactBelow = options.exactBelow ?? DEFAULT_EXACT_BELOW;
  if (index.kind === 'exact') return index.size >= exactBelow;
  return index.size < exactBelow / 2;
}

/** Reads an index saved with `VectorIndex.save`, whichever kind it is. */
export async function loadVectorIndex(folder: string): Promise<VectorIndex> {
  const manifest = await readIndexManifest(folder);
  if (manifest.kind === 'hnsw') return HnswVectorIndex.load(folder, manifest);
  if (manifest.kind === 'exact') {
    return ExactVectorIndex.deserialise(await readFile(indexFile(folder, manifest, 'vectors')));
  }
  throw new MarkwerkError(
    'INPUT_MALFORMED',
    `The dense index in ${folder} is of unknown kind "${String(manifest.kind)}"; rebuild it.`,
    { details: { folder, kind: manifest.kind } },
  );
}
