import path from 'node:path';
import type { RetrievalConfig } from '../../core/config-schema.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { cachedEmbedder } from '../../models/embedders/embedding-cache.js';
import type { Embedder } from '../../models/embedders/embedder.js';
import type { Reranker } from '../../models/rerankers/reranker.js';
import { resolveVersion } from '../../store/repositories/versions-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { HybridSearch } from '../hybrid/hybrid-search.js';
import { IndexUnusableError } from './index-files.js';
import {
  buildRetrievalIndex,
  loadCatalog,
  loadRetrievalIndex,
  saveRetrievalIndex,
  updateRetrievalIndex,
  type RetrievalIndex,
  type StoredIndex,
} from './retrieval-index.js';
import { retrievalSettings } from './retrieval-settings.js';
import { StoreEmbeddingCache } from './store-embedding-cache.js';

export interface OpenRetrievalOptions {
  store: SqlClient;
  workspace: string;
  config: RetrievalConfig;
  /** Dataset version to search; the current one by default. */
  version?: string;
  embedder?: Embedder;
  reranker?: Reranker;
  logger?: Logger;
  onProgress?(done: number, total: number): void;
}

/** How the index came to be: read from disk, updated from another version, or rebuilt. */
export type IndexOrigin = 'loaded' | 'updated' | 'built';

export interface OpenedRetrieval {
  search: HybridSearch;
  index: RetrievalIndex;
  origin: IndexOrigin;
  folder: string;
  /** Chunks added and removed by an incremental update. */
  changes?: { added: number; removed: number };
}

/**
 * The search engine over one dataset version. The index on disk is used when it matches
 * the version and the embedder; an index of another version is updated incrementally; a
 * missing, corrupt or incompatible one is rebuilt (and a corrupt one never served).
 * Passage and query embeddings are cached in the store.
 */
export async function openRetrieval(options: OpenRetrievalOptions): Promise<OpenedRetrieval> {
  const { store, config } = options;
  const logger = options.logger ?? silentLogger;
  const version = await resolveVersion(store, options.version ?? 'current');
  const catalog = await loadCatalog(store, version.id);
  const embedder = options.embedder && withStoreCache(options.embedder, store);
  const folder = indexFolder(options.workspace, options.embedder);
  const settings = retrievalSettings(config, options.onProgress);

  const stored = await loadIfUsable(folder, options.embedder, logger);
  let index: RetrievalIndex;
  let origin: IndexOrigin;
  let changes: OpenedRetrieval['changes'];
  if (stored && stored.manifest.versionId === version.id) {
    index = { catalog, bm25: stored.bm25, ...(stored.vectors ? { vectors: stored.vectors } : {}) };
    origin = 'loaded';
  } else if (stored) {
    const updated = await updateRetrievalIndex(stored, catalog, embedder, settings);
    index = updated.index;
    changes = { added: updated.added, removed: updated.removed };
    origin = 'updated';
  } else {
    index = await buildRetrievalIndex(catalog, embedder, settings);
    origin = 'built';
  }
  if (origin !== 'loaded') await saveRetrievalIndex(index, folder, options.embedder);
  logger.info({ version: version.id, origin, chunks: catalog.size, ...changes }, 'index-ready');

  const search = new HybridSearch({
    catalog,
    sparse: index.bm25,
    ...(index.vectors && embedder ? { dense: index.vectors, embedder } : {}),
    ...(options.reranker ? { reranker: options.reranker } : {}),
    cacheSize: config.resultCacheSize,
  });
  return { search, index, origin, folder, ...(changes ? { changes } : {}) };
}

/** One index folder per embedder (model and revision), so switching models never mixes. */
export function indexFolder(workspace: string, embedder: Embedder | undefined): string {
  const name = embedder
    ? `${embedder.modelId}@${embedder.revision}`.replace(/[^A-Za-z0-9@._-]+/g, '_')
    : 'bm25-only';
  return path.join(workspace, 'indexes', name);
}

async function loadIfUsable(
  folder: string,
  embedder: Embedder | undefined,
  logger: Logger,
): Promise<StoredIndex | undefined> {
  try {
    const stored = await loadRetrievalIndex(folder);
    const built = stored.manifest.embedder;
    const sameModel = embedder
      ? built?.modelId === embedder.modelId && built.revision === embedder.revision
      : built === null;
    return sameModel ? stored : undefined;
  } catch (error) {
    if (!(error instanceof IndexUnusableError)) throw error;
    if (error.problem !== 'missing') {
      logger.warn({ folder, problem: error.problem, reason: error.message }, 'index-rebuilt');
    }
    return undefined;
  }
}

function withStoreCache(embedder: Embedder, store: SqlClient): Embedder {
  return cachedEmbedder(embedder, new StoreEmbeddingCache(store, embedder));
}
