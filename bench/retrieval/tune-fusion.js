#!/usr/bin/env node
// Chooses hybrid fusion settings by nDCG@10 on a training split, then reports them on the
// test queries of every set beside BM25 and dense alone. Runs the built code:
//
//   node bench/retrieval/tune-fusion.js [--datasets ../shared/datasets] [--workspace DIR]
//
// Passage vectors come from (and go to) the embedding cache of the workspace's store,
// the same cache `markwerk eval retrieval` fills, so only the first run embeds.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configSchema } from '../../dist/core/config-schema.js';
import { loadBeirDataset } from '../../dist/evaluation/beir-dataset.js';
import { evaluateRetrieval } from '../../dist/evaluation/evaluate-retrieval.js';
import { createEmbedder } from '../../dist/models/embedders/create-embedder.js';
import { cachedEmbedder } from '../../dist/models/embedders/embedding-cache.js';
import { corpusCatalog } from '../../dist/retrieval/engine/corpus-search.js';
import { buildRetrievalIndex } from '../../dist/retrieval/engine/retrieval-index.js';
import { retrievalSettings } from '../../dist/retrieval/engine/retrieval-settings.js';
import { StoreEmbeddingCache } from '../../dist/retrieval/engine/store-embedding-cache.js';
import { HybridSearch } from '../../dist/retrieval/hybrid/hybrid-search.js';
import { openStore } from '../../dist/store/open-store.js';

const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: '../shared/datasets' },
    workspace: { type: 'string', default: 'bench/out/retrieval-workspace' },
  },
});
const config = configSchema.parse({}).retrieval;
const store = await openStore({ workspace: path.resolve(values.workspace) });
const model = await createEmbedder({ provider: 'use-lite' });
const embedder = cachedEmbedder(model, new StoreEmbeddingCache(store, model));

async function engine(dataset) {
  const catalog = corpusCatalog(dataset.documents, 'en');
  const index = await buildRetrievalIndex(catalog, embedder, retrievalSettings(config));
  return new HybridSearch({ catalog, sparse: index.bm25, dense: index.vectors, embedder });
}

const system = (search, options) => ({
  name: options.name,
  index: () => undefined,
  search: async (query, k) =>
    (await search.search(query, { k, candidates: 100, language: 'en', ...options })).map((hit) => ({
      id: hit.id,
      score: hit.score,
    })),
});

const candidates = [];
for (const fusion of ['rrf', 'score']) {
  for (const dense of [0.1, 0.2, 0.3, 0.5, 0.75, 1]) candidates.push({ fusion, dense });
}

const scifact = path.join(values.datasets, 'scifact');
const train = await loadBeirDataset(scifact, {
  queriesFile: 'queries-train.jsonl',
  qrelsFile: 'qrels-train.tsv',
});
const trainSearch = await engine(train);
let best;
for (const candidate of candidates) {
  const options = {
    name: `${candidate.fusion}-${candidate.dense}`,
    mode: 'hybrid',
    fusion: candidate.fusion,
    weights: { bm25: 1, dense: candidate.dense },
  };
  const result = await evaluateRetrieval(train, system(trainSearch, options));
  console.log(JSON.stringify({ split: 'scifact-train', ...candidate, ndcg10: result['ndcg@10'] }));
  if (!best || result['ndcg@10'] > best.ndcg) best = { ...candidate, ndcg: result['ndcg@10'] };
}
console.log(JSON.stringify({ chosen: best }));

for (const name of ['scifact', 'cranfield']) {
  const dataset = await loadBeirDataset(path.join(values.datasets, name));
  const search = await engine(dataset);
  const modes = [
    { name: 'bm25', mode: 'bm25' },
    { name: 'dense', mode: 'dense' },
    { name: 'hybrid-rrf-equal', mode: 'hybrid', fusion: 'rrf' },
    {
      name: `hybrid-${best.fusion}-${best.dense}`,
      mode: 'hybrid',
      fusion: best.fusion,
      weights: { bm25: 1, dense: best.dense },
    },
  ];
  for (const options of modes) {
    const result = await evaluateRetrieval(dataset, system(search, options), {
      mode: options.mode,
    });
    console.log(JSON.stringify({ ...result, system: options.name }));
  }
}
await model.close();
await store.close();
