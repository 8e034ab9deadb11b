import { LRUCache } from 'lru-cache';
import { UsageError } from '../../core/errors.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import type { Reranker } from '../../models/rerankers/reranker.js';
import type { CatalogChunk } from '../../store/repositories/chunk-catalog-repository.js';
import type { ChunkCatalog } from '../engine/chunk-catalog.js';
import type { ChunkFilter, ScoredHit } from '../types.js';
import { buildFilter, type SearchFilters } from './filters.js';
import {
  normalisedScoreFusion,
  reciprocalRankFusion,
  type FusedHit,
  type RankedList,
} from './fusion.js';
import { diversify } from './mmr.js';

/** The sparse index as hybrid search uses it. */
export interface SparseSearch {
  search(
    query: string,
    options: { k: number; language?: string; filter?: ChunkFilter },
  ): ScoredHit[];
}

/** The dense index as hybrid search uses it. */
export interface DenseSearch {
  search(vector: Float32Array, options: { k: number; filter?: ChunkFilter }): ScoredHit[];
  vectorOf?(id: string): Float32Array | undefined;
}

export type SearchMode = 'bm25' | 'dense' | 'hybrid';

export interface SearchOptions {
  mode: SearchMode;
  k: number;
  filters?: SearchFilters;
  rerank?: boolean;
  /** `rrf` (default) fuses ranks; `score` fuses min-max normalised scores. */
  fusion?: 'rrf' | 'score';
  /** Weight of each component in fusion; 1 each when absent. */
  weights?: { bm25?: number; dense?: number };
  /** MMR trade-off λ in (0, 1]; off when absent. */
  diversity?: number;
  /** Query language for BM25 analysis; detected by the caller or left out. */
  language?: string;
  /** How many candidates each component contributes before fusion and reranking. */
  candidates?: number;
  /** At most this many chunks of one document in the results; unlimited when absent. */
  perDocument?: number;
}

export interface SearchResult {
  rank: number;
  id: string;
  score: number;
  chunk: CatalogChunk;
  /** Each component's rank and raw score, to explain the final order. */
  components: {
    bm25?: { rank: number; score: number };
    dense?: { rank: number; score: number };
    fused?: number;
    rerank?: number;
  };
}

export interface HybridSearchParts {
  catalog: ChunkCatalog;
  sparse: SparseSearch;
  dense?: DenseSearch;
  embedder?: Embedder;
  reranker?: Reranker;
  /** Results kept per process; keys include the dataset version, so a new version misses. */
  cacheSize?: number;
}

/**
 * BM25 and dense retrieval fused, optionally reranked and diversified, over one dataset
 * version. Results are cached by version, query and options.
 */
export class HybridSearch {
  private readonly cache: LRUCache<string, SearchResult[]> | undefined;

  constructor(private readonly parts: HybridSearchParts) {
    const size = parts.cacheSize ?? 1000;
    this.cache = size > 0 ? new LRUCache({ max: size }) : undefined;
  }

  get versionId(): string {
    return this.parts.catalog.versionId;
  }

  async search(query: string, options: SearchOptions): Promise<SearchResult[]> {
    const key = JSON.stringify([this.versionId, query, options]);
    const cached = this.cache?.get(key);
    if (cached) return cached;

    const results = await this.searchUncached(query, options);
    this.cache?.set(key, results);
    return results;
  }

  private async searchUncached(query: string, options: SearchOptions): Promise<SearchResult[]> {
    const { catalog, dense, reranker } = this.parts;
    const depth = options.candidates ?? Math.max(50, options.k * 5);
    const filter = buildFilter(options.filters ?? {}, (id) => catalog.fieldsOf(id));

    const lists = await this.retrieve(query, options, depth, filter);
    const fused = lists.length === 1 ? asFused(lists[0]!) : fuse(lists, options.fusion);
    const fusedScore = new Map(fused.map((hit) => [hit.id, hit.score]));

    let ordered: ScoredHit[] = fused;
    const rerankScore = new Map<string, number>();
    if (options.rerank && reranker) {
      const candidates = fused.slice(0, depth).map((hit) => {
        const chunk = catalog.get(hit.id)!;
        return { id: hit.id, text: chunk.text, title: chunk.title, score: hit.score };
      });
      ordered = await reranker.rerank(query, candidates);
      for (const hit of ordered) rerankScore.set(hit.id, hit.score);
    }
    if (options.diversity !== undefined && dense?.vectorOf) {
      const vectorOf = (id: string) => dense.vectorOf!(id);
      ordered = diversify(ordered.slice(0, depth), vectorOf, {
        k: options.k,
        lambda: options.diversity,
      });
    }

    if (options.perDocument !== undefined) {
      ordered = atMostPerDocument(
        ordered,
        options.perDocument,
        (id) => catalog.get(id)!.documentId,
      );
    }

    const components = new Map(fused.map((hit) => [hit.id, hit.components]));
    return ordered.slice(0, options.k).map((hit, index) => ({
      rank: index + 1,
      id: hit.id,
      score: hit.score,
      chunk: catalog.get(hit.id)!,
      components: {
        ...components.get(hit.id),
        ...(lists.length > 1 ? { fused: fusedScore.get(hit.id) } : {}),
        ...(rerankScore.has(hit.id) ? { rerank: rerankScore.get(hit.id) } : {}),
      },
    }));
  }

  private async retrieve(
    query: string,
    options: SearchOptions,
    depth: number,
    filter: ChunkFilter | undefined,
  ): Promise<RankedList[]> {
    const { sparse, dense, embedder } = this.parts;
    const lists: RankedList[] = [];
    if (options.mode !== 'dense') {
      const language = options.language ? { language: options.language } : {};
      const hits = sparse.search(query, { k: depth, ...language, ...(filter ? { filter } : {}) });
      lists.push({ name: 'bm25', hits, weight: options.weights?.bm25 ?? 1 });
    }
    if (options.mode !== 'bm25') {
      if (!dense || !embedder) {
        throw new UsageError(
          `--mode ${options.mode} needs embeddings; this index was built without them.`,
        );
      }
      const [vector] = await embedder.embed([query], 'query');
      const hits = dense.search(vector!, { k: depth, ...(filter ? { filter } : {}) });
      lists.push({ name: 'dense', hits, weight: options.weights?.dense ?? 1 });
    }
    return lists;
  }
}

function fuse(lists: RankedList[], method: SearchOptions['fusion']): FusedHit[] {
  return method === 'score' ? normalisedScoreFusion(lists) : reciprocalRankFusion(lists);
}

function atMostPerDocument(
  hits: ScoredHit[],
  limit: number,
  documentOf: (id: string) => string,
): ScoredHit[] {
  const seen = new Map<string, number>();
  return hits.filter((hit) => {
    const document = documentOf(hit.id);
    const count = (seen.get(document) ?? 0) + 1;
    seen.set(document, count);
    return count <= limit;
  });
}

/** A single list needs no fusion: its own scores and ranks are the result. */
function asFused(list: RankedList): FusedHit[] {
  return list.hits.map((hit, index) => ({
    id: hit.id,
    score: hit.score,
    components: { [list.name]: { rank: index + 1, score: hit.score } },
  }));
}
