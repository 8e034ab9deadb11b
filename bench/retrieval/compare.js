#!/usr/bin/env node
// Markwerk's BM25 beside peer search libraries on every BEIR-layout set in a folder.
// Build first, then run from the repository root:
//
//   npm run build && node bench/retrieval/compare.js [--datasets ../shared/datasets]
//     [--systems markwerk-bm25,minisearch,...] [--k 10] [--depth 100] [--no-warmup]
//
// Prints one JSON line per (system, dataset) on stdout as each finishes, then a Markdown
// table. Systems run one after another in this process, each on a fresh index.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBeirDataset } from '../../dist/evaluation/beir-dataset.js';
import { evaluateRetrieval } from '../../dist/evaluation/evaluate-retrieval.js';
import { markwerkBm25Built, markwerkBm25System } from './markwerk-bm25.js';
import { peerSystems } from './peers.js';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: path.resolve(repositoryRoot, '../shared/datasets') },
    systems: { type: 'string' },
    k: { type: 'string', default: '10' },
    depth: { type: 'string', default: '100' },
    'no-warmup': { type: 'boolean', default: false },
  },
});
// Every system answers every query once untimed first, so p95 compares warmed-up code.
const warmup = !values['no-warmup'];
const k = Number(values.k);
const depth = Number(values.depth);
const wanted = values.systems?.split(',');

const datasetFolders = readdirSync(values.datasets, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(values.datasets, entry.name))
  .filter((folder) => existsSync(path.join(folder, 'corpus.jsonl')))
  .sort();
if (datasetFolders.length === 0) {
  process.stderr.write(`No BEIR datasets (folders with corpus.jsonl) in ${values.datasets}.\n`);
  process.exit(1);
}

async function systems() {
  const list = [];
  if (markwerkBm25Built()) list.push(await markwerkBm25System());
  else process.stderr.write('markwerk-bm25: dist/retrieval/bm25 not built; its row is pending\n');
  list.push(...peerSystems());
  return list.filter((system) => wanted === undefined || wanted.includes(system.name));
}

const rows = [];
for (const folder of datasetFolders) {
  const dataset = await loadBeirDataset(folder);
  for (const system of await systems()) {
    process.stderr.write(`${system.name} on ${dataset.name}…\n`);
    const result = await evaluateRetrieval(dataset, system, { k, depth, mode: 'bm25', warmup });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    rows.push(result);
  }
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
process.stdout.write(
  `\n| system | dataset | queries | nDCG@${k} | R@${depth} | MRR@${k} ` +
    '| index ms | p50 ms | p95 ms |\n' +
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
);
for (const row of rows) {
  const cells = [
    row.system,
    row.dataset,
    row.queries,
    fixed(row[`ndcg@${k}`], 4),
    fixed(row[`recall@${depth}`], 4),
    fixed(row[`mrr@${k}`], 4),
    fixed(row.index_ms, 0),
    fixed(row.p50_ms, 2),
    fixed(row.p95_ms, 2),
  ];
  process.stdout.write(`| ${cells.join(' | ')} |\n`);
}
