import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../models/embedders/embedder.js';
import type { Reranker } from '../../models/rerankers/reranker.js';
import type { CatalogChunk } from '../../store/repositories/chunk-catalog-repository.js';
import { ChunkCatalog } from '../engine/chunk-catalog.js';
import type { ChunkFilter, ScoredHit } from '../types.js';
import { HybridSearch, type DenseSearch, type SparseSearch } from './hybrid-search.js';

const chunk = (id: string, language: string, text: string): CatalogChunk => ({
  id,
  documentId: id.split(':')[0]!,
  ordinal: 0,
  text,
  headingPath: [],
  title: text,
  language,
  sourceUri: `knowledge/${id}.md`,
  kind: 'article',
  category: null,
});

const catalog = new ChunkCatalog('v1');
catalog.add(chunk('rain:0', 'en', 'rain jacket'));
catalog.add(chunk('tent:0', 'en', 'storm tent'));
catalog.add(chunk('regen:0', 'de', 'Regenjacke'));

/** Index stand-ins that rank from fixed lists, so fusion and plumbing are what is tested. */
const ranked = (hits: ScoredHit[], filter?: ChunkFilter, k = 10) =>
  hits.filter((hit) => !filter || filter(hit.id)).slice(0, k);
const sparse: SparseSearch = {
  search: (_query, options) =>
    ranked(
      [
        { id: 'rain:0', score: 7 },
        { id: 'tent:0', score: 2 },
      ],
      options.filter,
      options.k,
    ),
};
const dense: DenseSearch = {
  search: (_vector, options) =>
    ranked(
      [
        { id: 'regen:0', score: 0.9 },
        { id: 'rain:0', score: 0.8 },
      ],
      options.filter,
      options.k,
    ),
};
let embedCalls = 0;
const embedder: Embedder = {
  modelId: 'fixed',
  revision: '1',
  dimension: 2,
  embed: async (texts) => {
    embedCalls += 1;
    return texts.map(() => new Float32Array([1, 0]));
  },
  close: async () => undefined,
};
const reranker: Reranker = {
  modelId: 'reverse',
  rerank: async (_query, candidates) =>
    candidates.map((candidate, index) => ({ id: candidate.id, score: index })).reverse(),
  close: async () => undefined,
};

describe('HybridSearch', () => {
  const search = new HybridSearch({ catalog, sparse, dense, embedder, reranker });

  it('fuses BM25 and dense ranks and explains each component', async () => {
    const results = await search.search('rain jacket', { mode: 'hybrid', k: 3 });
    expect(results.map((result) => result.id)).toEqual(['rain:0', 'regen:0', 'tent:0']);
    expect(results[0]!.components).toMatchObject({
      bm25: { rank: 1, score: 7 },
      dense: { rank: 2, score: 0.8 },
    });
    expect(results[0]!.components.fused).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(results[0]!.chunk.sourceUri).toBe('knowledge/rain:0.md');
  });

  it('searches one component alone with its own scores', async () => {
    const bm25 = await search.search('rain', { mode: 'bm25', k: 5 });
    expect(bm25.map((result) => [result.id, result.score])).toEqual([
      ['rain:0', 7],
      ['tent:0', 2],
    ]);
    const denseOnly = await search.search('rain', { mode: 'dense', k: 1 });
    expect(denseOnly.map((result) => result.id)).toEqual(['regen:0']);
  });

  it('applies filters to every component', async () => {
    const results = await search.search('jacket', {
      mode: 'hybrid',
      k: 5,
      filters: { language: ['de'] },
    });
    expect(results.map((result) => result.id)).toEqual(['regen:0']);
  });

  it('reranks the fused candidates and keeps the fused score beside the new one', async () => {
    const results = await search.search('jacket', { mode: 'hybrid', k: 3, rerank: true });
    expect(results.map((result) => result.id)).toEqual(['tent:0', 'regen:0', 'rain:0']);
    expect(results[0]!.components.rerank).toBe(2);
    expect(results[0]!.components.fused).toBeGreaterThan(0);
  });

  it('serves a repeated query from the cache, keyed by dataset version', async () => {
    const before = embedCalls;
    await search.search('tent', { mode: 'hybrid', k: 2 });
    await search.search('tent', { mode: 'hybrid', k: 2 });
    expect(embedCalls).toBe(before + 1);

    const nextVersion = new ChunkCatalog('v2');
    nextVersion.add(chunk('rain:0', 'en', 'rain jacket'));
    const fresh = new HybridSearch({ catalog: nextVersion, sparse, dense, embedder });
    await fresh.search('tent', { mode: 'hybrid', k: 2 });
    expect(embedCalls).toBe(before + 2);
  });

  it('keeps at most the requested number of chunks per document', async () => {
    const twoChunks = new ChunkCatalog('v3');
    twoChunks.add(chunk('rain:0', 'en', 'rain jacket'));
    twoChunks.add({ ...chunk('rain:1', 'en', 'rain jacket care'), documentId: 'rain' });
    twoChunks.add(chunk('tent:0', 'en', 'storm tent'));
    const lists: SparseSearch = {
      search: () => [
        { id: 'rain:0', score: 3 },
        { id: 'rain:1', score: 2 },
        { id: 'tent:0', score: 1 },
      ],
    };
    const perDocument = new HybridSearch({ catalog: twoChunks, sparse: lists });
    const all = await perDocument.search('rain', { mode: 'bm25', k: 3 });
    expect(all.map((hit) => hit.id)).toEqual(['rain:0', 'rain:1', 'tent:0']);
    const one = await perDocument.search('rain', { mode: 'bm25', k: 3, perDocument: 1 });
    expect(one.map((hit) => hit.id)).toEqual(['rain:0', 'tent:0']);
  });

  it('says what is missing when dense search has no embeddings', async () => {
    const sparseOnly = new HybridSearch({ catalog, sparse });
    await expect(sparseOnly.search('x', { mode: 'hybrid', k: 1 })).rejects.toThrow(
      /needs embeddings/,
    );
  });
});
