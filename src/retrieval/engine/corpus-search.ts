import type { RetrievalConfig } from '../../core/config-schema.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import type { Reranker } from '../../models/rerankers/reranker.js';
import { HybridSearch, type SearchMode } from '../hybrid/hybrid-search.js';
import type { ScoredHit } from '../types.js';
import { ChunkCatalog } from './chunk-catalog.js';
import { buildRetrievalIndex } from './retrieval-index.js';
import { retrievalSettings } from './retrieval-settings.js';

export interface CorpusDocument {
  id: string;
  title: string;
  text: string;
}

export interface CorpusSearchOptions {
  mode: SearchMode;
  config: RetrievalConfig;
  language?: string;
  embedder?: Embedder;
  reranker?: Reranker;
  onProgress?(done: number, total: number): void;
}

/** A catalog of a plain document collection: each document is one chunk of kind `record`. */
export function corpusCatalog(documents: CorpusDocument[], language = 'und'): ChunkCatalog {
  const catalog = new ChunkCatalog('corpus');
  for (const document of documents) {
    catalog.add({
      id: document.id,
      documentId: document.id,
      ordinal: 0,
      text: document.text,
      headingPath: [],
      title: document.title,
      language,
      sourceUri: document.id,
      kind: 'record',
      category: null,
    });
  }
  return catalog;
}

/**
 * Markwerk's retrieval over a plain document collection (a benchmark set) rather than a
 * dataset version: each document is one chunk. Used by `markwerk eval retrieval`.
 */
export function corpusSearch(options: CorpusSearchOptions) {
  let search: HybridSearch | undefined;
  const needsVectors = options.mode !== 'bm25';

  return {
    name: `markwerk-${options.mode}${options.reranker ? '+rerank' : ''}`,

    async index(documents: CorpusDocument[]): Promise<void> {
      const catalog = corpusCatalog(documents, options.language);
      const embedder = needsVectors ? options.embedder : undefined;
      const settings = retrievalSettings(options.config, options.onProgress);
      const index = await buildRetrievalIndex(catalog, embedder, settings);
      search = new HybridSearch({
        catalog,
        sparse: index.bm25,
        ...(index.vectors && embedder ? { dense: index.vectors, embedder } : {}),
        ...(options.reranker ? { reranker: options.reranker } : {}),
        cacheSize: 0,
      });
    },

    async search(query: string, k: number): Promise<ScoredHit[]> {
      if (!search) throw new Error('index() must run before search()');
      const results = await search.search(query, {
        mode: options.mode,
        k,
        candidates: Math.max(k, options.config.candidates),
        rerank: options.reranker !== undefined,
        fusion: options.config.fusion,
        weights: options.config.weights,
        ...(options.language ? { language: options.language } : {}),
      });
      return results.map((result) => ({ id: result.id, score: result.score }));
    },
  };
}
