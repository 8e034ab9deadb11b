import { readFile, writeFile } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import { MarkwerkError } from '../../core/errors.js';
import type { ChunkFilter, ScoredHit } from '../types.js';
import { ExactVectorIndex } from './exact-index.js';
import { indexFile, writeIndexFolder, type IndexManifest } from './index-folder.js';
import { assertUnitVector, assertWholeNumber } from './vector-checks.js';
import type { Quantization, VectorIndex, VectorSearchOptions } from './vector-index.js';

export interface HnswOptions {
  /** Graph links per node (default 16); more links raise recall, memory and build time. */
  m?: number;
  /** Candidate list size while inserting (default 200). */
  efConstruction?: number;
  /** Candidate list size while searching (default 100); raised to k when k is larger. */
  efSearch?: number;
  /** Seed of the level generator, so builds are repeatable (default 100). */
  seed?: number;
  /**
   * A filtered search whose filter is estimated to accept less than this share of the
   * vectors (default 0.05) scans those vectors exactly instead of walking the graph.
   */
  exactFilterBelow?: number;
}

export interface HnswIndexOptions extends HnswOptions {
  dimension: number;
  /** Storage of the exact copy used for selective filters (default 'none'). */
  quantization?: Quantization;
}

const FIRST_CAPACITY = 1024;
const FILTER_SAMPLE = 1000;

/**
 * Approximate cosine search with hnswlib's HNSW graph in inner-product space (the vectors
 * are unit length, so 1 − distance is the cosine). Labels are slots: a removed id's label
 * is marked deleted and reused by the next new id, which updates that graph node in place.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly kind = 'hnsw';
  readonly dimension: number;
  readonly options: Required<HnswOptions>;
  /** Every vector again, for filters too selective for the graph. */
  readonly exact: ExactVectorIndex;
  private readonly graph: hnswlib.HierarchicalNSW;
  private idsByLabel: (string | undefined)[] = [];
  private labelById = new Map<string, number>();
  private freeLabels: number[] = [];

  constructor(options: HnswIndexOptions, restored?: { exact: ExactVectorIndex }) {
    this.dimension = options.dimension;
    this.options = {
      m: options.m ?? 16,
      efConstruction: options.efConstruction ?? 200,
      efSearch: options.efSearch ?? 100,
      seed: options.seed ?? 100,
      exactFilterBelow: options.exactFilterBelow ?? 0.05,
    };
    checkOptions(this.options);
    const quantization = options.quantization ?? 'none';
    this.exact =
      restored?.exact ?? new ExactVectorIndex({ dimension: this.dimension, quantization });
    this.graph = new hnswlib.HierarchicalNSW('ip', this.dimension);
    if (restored) return;

    const { m, efConstruction, seed } = this.options;
    this.graph.initIndex({ maxElements: FIRST_CAPACITY, m, efConstruction, randomSeed: seed });
    this.graph.setEf(this.options.efSearch);
  }

  get size(): number {
    return this.labelById.size;
  }

  /** Vectors the graph has room for before it is resized (doubled). */
  get capacity(): number {
    return this.graph.getMaxElements();
  }

  has(id: string): boolean {
    return this.labelById.has(id);
  }

  add(id: string, vector: Float32Array): void {
    this.exact.add(id, vector);

    let label = this.labelById.get(id);
    if (label === undefined) {
      label = this.freeLabels.pop() ?? this.idsByLabel.length;
      const capacity = this.graph.getMaxElements();
      if (label >= capacity) this.graph.resizeIndex(capacity * 2);
      this.idsByLabel[label] = id;
      this.labelById.set(id, label);
    }
    this.graph.addPoint(Array.from(vector), label);
  }

  remove(id: string): boolean {
    const label = this.labelById.get(id);
    if (label === undefined) return false;

    this.graph.markDelete(label);
    this.idsByLabel[label] = undefined;
    this.labelById.delete(id);
    this.freeLabels.push(label);
    this.exact.remove(id);
    return true;
  }

  vectorOf(id: string): Float32Array | undefined {
    return this.exact.vectorOf(id);
  }

  search(vector: Float32Array, options: VectorSearchOptions): ScoredHit[] {
    assertUnitVector(vector, this.dimension, 'query vector');
    assertWholeNumber(options.k, 0, 'k');
    const k = Math.min(options.k, this.size);
    if (k === 0) return [];
    const { filter } = options;
    if (filter && this.acceptedShare(filter) < this.options.exactFilterBelow) {
      return this.exact.search(vector, options);
    }

    const allowed = filter && ((label: number) => this.acceptsLabel(filter, label));
    const result = this.graph.searchKnn(Array.from(vector), k, allowed);
    const hits = result.neighbors.map((label, rank) => ({
      id: this.idsByLabel[label] as string,
      score: 1 - (result.distances[rank] as number),
    }));
    // A filter can cut the graph into parts the walk cannot reach; the scan finds them all.
    if (filter && hits.length < k) return this.exact.search(vector, options);
    return hits;
  }

  async save(folder: string): Promise<void> {
    const bytes = this.exact.serialise();
    const options = { kind: 'hnsw' as const, dimension: this.dimension, ...this.options };
    await writeIndexFolder(
      folder,
      { ...options, idsByLabel: this.idsByLabel },
      {
        graph: (filePath) => this.graph.writeIndex(filePath),
        vectors: (filePath) => writeFile(filePath, bytes),
      },
    );
  }

  /** Reads an index written by `save`, given its folder and parsed manifest. */
  static async load(folder: string, manifest: IndexManifest): Promise<HnswVectorIndex> {
    const bytes = await readFile(indexFile(folder, manifest, 'vectors'));
    const exact = ExactVectorIndex.deserialise(bytes);
    const options = manifest as unknown as HnswIndexOptions;
    const index = new HnswVectorIndex(options, { exact });
    await index.graph.readIndex(indexFile(folder, manifest, 'graph'));
    index.graph.setEf(index.options.efSearch);
    const idsByLabel = manifest['idsByLabel'] as (string | null)[];
    idsByLabel.forEach((id, label) => {
      if (id === null) index.freeLabels.push(label);
      else index.labelById.set(id, label);
      index.idsByLabel[label] = id ?? undefined;
    });
    return index;
  }

  /** Share of a deterministic sample of live ids that `filter` accepts. */
  private acceptedShare(filter: ChunkFilter): number {
    const step = Math.max(1, Math.floor(this.idsByLabel.length / FILTER_SAMPLE));
    let sampled = 0;
    let accepted = 0;
    for (let label = 0; label < this.idsByLabel.length; label += step) {
      const id = this.idsByLabel[label];
      if (id === undefined) continue;
      sampled += 1;
      if (filter(id)) accepted += 1;
    }
    return sampled === 0 ? 0 : accepted / sampled;
  }

  private acceptsLabel(filter: ChunkFilter, label: number): boolean {
    const id = this.idsByLabel[label];
    return id !== undefined && filter(id);
  }
}

function checkOptions(options: Required<HnswOptions>): void {
  assertWholeNumber(options.m, 2, 'hnsw.m');
  assertWholeNumber(options.efConstruction, 1, 'hnsw.efConstruction');
  assertWholeNumber(options.efSearch, 1, 'hnsw.efSearch');
  assertWholeNumber(options.seed, 0, 'hnsw.seed');
  const share = options.exactFilterBelow;
  if (share >= 0 && share <= 1) return;
  throw new MarkwerkError(
    'CONFIG_INVALID',
    `hnsw.exactFilterBelow must be a share between 0 and 1, got ${share}.`,
    { details: { option: 'hnsw.exactFilterBelow', value: share } },
  );
}
