import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Embedder } from '../../models/embedders/embedder.js';
import { versionChunks } from '../../store/repositories/chunk-catalog-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { Bm25Index } from '../bm25/bm25-index.js';
import type { Bm25Options } from '../bm25/bm25-options.js';
import {
  createVectorIndex,
  loadVectorIndex,
  type CreateVectorIndexOptions,
} from '../dense/create-vector-index.js';
import type { VectorIndex } from '../dense/vector-index.js';
import { ChunkCatalog } from './chunk-catalog.js';
import { readIndexFiles, writeIndexFiles, type IndexManifest } from './index-files.js';

/** Everything search needs for one dataset version. */
export interface RetrievalIndex {
  catalog: ChunkCatalog;
  bm25: Bm25Index;
  /** Absent when the index was built without embeddings. */
  vectors?: VectorIndex;
}

export interface IndexSettings {
  bm25?: Bm25Options;
  dense?: Omit<CreateVectorIndexOptions, 'dimension' | 'expectedSize'>;
  /** Texts embedded per call, so progress can be reported and memory stays bounded. */
  embedBatch?: number;
  onProgress?(done: number, total: number): void;
}

/** Reads a version's chunks from the store. */
export async function loadCatalog(store: SqlExecutor, versionId: string): Promise<ChunkCatalog> {
  const catalog = new ChunkCatalog(versionId);
  for await (const chunk of versionChunks(store, versionId)) catalog.add(chunk);
  return catalog;
}

/**
 * Words of a chunk's body that are embedded. Sentence encoders are trained on short
 * passages and their cost grows with length (USE lite embeds about three times as many
 * 60-word texts per second as 200-word ones); BM25 still reads the whole chunk.
 */
export const EMBEDDED_WORDS = 80;

/** The text a chunk is embedded as: its title and heading path, then its opening words. */
export function passageText(catalog: ChunkCatalog, id: string): string {
  const chunk = catalog.searchable(id)!;
  const words = chunk.text.split(/\s+/);
  const body =
    words.length > EMBEDDED_WORDS ? words.slice(0, EMBEDDED_WORDS).join(' ') : chunk.text;
  return `${chunk.title}\n${body}`;
}

/** Builds BM25 and, with an embedder, the vector index for every chunk of the catalog. */
export async function buildRetrievalIndex(
  catalog: ChunkCatalog,
  embedder: Embedder | undefined,
  settings: IndexSettings = {},
): Promise<RetrievalIndex> {
  const bm25 = new Bm25Index(settings.bm25);
  bm25.addAll([...catalog.ids()].map((id) => catalog.searchable(id)!));
  if (!embedder) return { catalog, bm25 };

  const vectors = createVectorIndex({
    ...settings.dense,
    dimension: embedder.dimension,
    expectedSize: catalog.size,
  });
  await embedInto(vectors, [...catalog.ids()], catalog, embedder, settings);
  return { catalog, bm25, vectors };
}

/** A saved index as loaded, before it is matched to a catalog. */
export interface StoredIndex {
  manifest: IndexManifest;
  bm25: Bm25Index;
  vectors?: VectorIndex;
  /** The chunk ids the index holds. */
  ids: string[];
}

/**
 * Brings an index of another version up to `catalog`'s version: removes the chunks that
 * are gone and adds (and embeds) only the new ones.
 */
export async function updateRetrievalIndex(
  stored: StoredIndex,
  catalog: ChunkCatalog,
  embedder: Embedder | undefined,
  settings: IndexSettings = {},
): Promise<{ index: RetrievalIndex; added: number; removed: number }> {
  const held = new Set(stored.ids);
  const removed = stored.ids.filter((id) => catalog.get(id) === undefined);
  const added = [...catalog.ids()].filter((id) => !held.has(id));
  for (const id of removed) {
    stored.bm25.remove(id);
    stored.vectors?.remove(id);
  }
  for (const id of added) stored.bm25.add(catalog.searchable(id)!);
  if (stored.vectors && embedder)
    await embedInto(stored.vectors, added, catalog, embedder, settings);

  const index: RetrievalIndex = { catalog, bm25: stored.bm25 };
  if (stored.vectors) index.vectors = stored.vectors;
  return { index, added: added.length, removed: removed.length };
}

async function embedInto(
  vectors: VectorIndex,
  ids: string[],
  catalog: ChunkCatalog,
  embedder: Embedder,
  settings: IndexSettings,
): Promise<void> {
  // A chunk with no words has nothing to embed; BM25 cannot match it either.
  const embeddable = ids
    .map((id) => ({ id, text: passageText(catalog, id) }))
    .filter((passage) => passage.text.trim().length > 0);
  const batch = settings.embedBatch ?? 256;
  for (let start = 0; start < embeddable.length; start += batch) {
    const slice = embeddable.slice(start, start + batch);
    const embedded = await embedder.embed(
      slice.map((passage) => passage.text),
      'passage',
    );
    slice.forEach((passage, index) => vectors.add(passage.id, embedded[index]!));
    settings.onProgress?.(Math.min(start + batch, embeddable.length), embeddable.length);
  }
}

/** Writes the index as checksummed files: BM25, chunk ids, and the vector index folder. */
export async function saveRetrievalIndex(
  index: RetrievalIndex,
  folder: string,
  embedder: Embedder | undefined,
): Promise<IndexManifest> {
  const files: Record<string, Uint8Array> = {
    'bm25.bin': index.bm25.serialise(),
    'chunk-ids.json': Buffer.from(JSON.stringify([...index.catalog.ids()])),
  };
  if (index.vectors) {
    const scratch = await mkdtemp(path.join(tmpdir(), 'markwerk-vectors-'));
    try {
      await index.vectors.save(scratch);
      for (const name of await readdir(scratch)) {
        files[`vectors/${name}`] = await readFile(path.join(scratch, name));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return writeIndexFiles(
    folder,
    {
      versionId: index.catalog.versionId,
      embedder: embedder
        ? { modelId: embedder.modelId, revision: embedder.revision, dimension: embedder.dimension }
        : null,
      chunkCount: index.catalog.size,
      createdAt: new Date().toISOString(),
    },
    files,
  );
}

/** Loads a saved index after verifying every file against its checksum. */
export async function loadRetrievalIndex(folder: string): Promise<StoredIndex> {
  const { manifest, files } = await readIndexFiles(folder);
  const stored: StoredIndex = {
    manifest,
    bm25: Bm25Index.deserialise(files['bm25.bin']!),
    ids: JSON.parse(Buffer.from(files['chunk-ids.json']!).toString('utf8')) as string[],
  };
  if (manifest.embedder) stored.vectors = await loadVectorIndex(path.join(folder, 'vectors'));
  return stored;
}
