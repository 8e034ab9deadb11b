#!/usr/bin/env node
// End-to-end hybrid query latency at scale, query embedding included, reranker off:
//
//   node --expose-gc bench/hybrid-latency.js [--chunks 100000] [--queries 200]
//
// Runs the built code (`npm run build` first). Chunk texts are generated (about 90 words
// each); their vectors are synthetic clustered 512-d unit vectors, because embedding
// 100,000 passages with USE lite on two cores takes hours. Queries are real: each is
// embedded by USE lite at query time, then searched through BM25 and HNSW and fused.
// Prints one JSON line; memory per chunk is the RSS growth over the empty process.
import { parseArgs } from 'node:util';
import { createEmbedder } from '../dist/models/embedders/create-embedder.js';
import { ChunkCatalog } from '../dist/retrieval/engine/chunk-catalog.js';
import { Bm25Index } from '../dist/retrieval/bm25/bm25-index.js';
import { createVectorIndex } from '../dist/retrieval/dense/create-vector-index.js';
import { clusteredVectors } from '../dist/retrieval/dense/test-support/clustered-vectors.js';
import { HybridSearch } from '../dist/retrieval/hybrid/hybrid-search.js';
import { generatedArticle } from '../dist/ingest/test-support/generated-corpus.js';

const { values } = parseArgs({
  options: {
    chunks: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    'ef-construction': { type: 'string', default: '100' },
  },
});
const count = Number(values.chunks);
const queryCount = Number(values.queries);
const rss = () => process.memoryUsage().rss;
const mib = (bytes) => Math.round(bytes / 2 ** 20);

globalThis.gc?.();
const baseline = rss();
const catalog = new ChunkCatalog('bench');
for (let index = 0; index < count; index += 1) {
  const words = generatedArticle(index, 900).split(/\s+/).slice(0, 90).join(' ');
  catalog.add({
    id: `c${index}`,
    documentId: `d${Math.floor(index / 4)}`,
    ordinal: index % 4,
    text: words,
    headingPath: [],
    title: `Guide ${index}`,
    language: 'en',
    sourceUri: `generated/${index}.md`,
    kind: 'article',
    category: null,
  });
}

let started = performance.now();
const bm25 = new Bm25Index();
bm25.addAll([...catalog.ids()].map((id) => catalog.searchable(id)));
const bm25Ms = performance.now() - started;

started = performance.now();
const vectors = createVectorIndex({
  dimension: 512,
  expectedSize: count,
  hnsw: { efConstruction: Number(values['ef-construction']) },
});
let synthetic = clusteredVectors({ dimension: 512, clusters: 200, seed: 7 }, count, 11);
[...catalog.ids()].forEach((id, index) => vectors.add(id, synthetic[index]));
synthetic = undefined; // the index holds its own copies; free the generator's before measuring
const vectorMs = performance.now() - started;
globalThis.gc?.();
const indexed = rss();

const embedder = await createEmbedder({ provider: 'use-lite', threads: 0 });
const search = new HybridSearch({ catalog, sparse: bm25, dense: vectors, embedder, cacheSize: 0 });
const topics = ['tent', 'jacket', 'backpack', 'sleeping bag', 'headlamp', 'boots', 'helmet'];
const queries = Array.from(
  { length: queryCount },
  (_, index) => `${topics[index % topics.length]} repair warranty ${index}`,
);
await search.search('warm-up query', { mode: 'hybrid', k: 10 });

const timings = [];
for (const query of queries) {
  const before = performance.now();
  await search.search(query, { mode: 'hybrid', k: 10, language: 'en' });
  timings.push(performance.now() - before);
}
await embedder.close();
timings.sort((a, b) => a - b);
const percentile = (p) => timings[Math.ceil((p / 100) * timings.length) - 1];

console.log(
  JSON.stringify({
    chunks: count,
    queries: queryCount,
    vectorIndex: vectors.kind,
    bm25BuildMs: Math.round(bm25Ms),
    vectorBuildMs: Math.round(vectorMs),
    p50Ms: Number(percentile(50).toFixed(2)),
    p95Ms: Number(percentile(95).toFixed(2)),
    rssMiB: mib(indexed),
    bytesPerChunk: Math.round((indexed - baseline) / count),
  }),
);
