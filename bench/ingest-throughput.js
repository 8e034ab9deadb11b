#!/usr/bin/env node
// Ingest throughput and peak memory on generated corpora of 5 KB documents (half
// Markdown, half HTML). Runs the built pipeline (`npm run build` first) in this process:
//
//   node bench/ingest-throughput.js --docs 10000 [--main-content readability|fallback]
//     [--workers N]
//
// Prints one JSON line per run; copy the numbers into bench/RESULTS.md.
import { mkdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../dist/core/config.js';
import { runIngest } from '../dist/ingest/pipeline/run-ingest.js';
import { generatedArticle } from '../dist/ingest/test-support/generated-corpus.js';
import { openStore } from '../dist/store/open-store.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    bytes: { type: 'string', default: '5000' },
    out: { type: 'string', default: 'bench/out' },
    'main-content': { type: 'string', default: 'readability' },
    workers: { type: 'string' },
  },
});
const count = Number(values.docs);
const bytes = Number(values.bytes);
const corpus = path.resolve(values.out, `corpus-${count}x${bytes}`);
const workspace = path.resolve(values.out, `workspace-${count}`);

function htmlPage(index) {
  const markdown = generatedArticle(index + 1_000_000, bytes - 700);
  const body = markdown
    .split('\n\n')
    .filter(Boolean)
    .map((block) =>
      block.startsWith('## ')
        ? `<h2>${block.slice(3)}</h2>`
        : block.startsWith('# ')
          ? `<h1>${block.slice(2)}</h1>`
          : `<p>${block}</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${index}</title>
</head><body><header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><article>${body}</article></main>
<footer><p>We use cookies to improve your experience.</p><p>© 2026 Example</p></footer>
</body></html>`;
}

if (!existsSync(corpus)) {
  process.stderr.write(`generating ${count} documents in ${corpus}\n`);
  for (let index = 0; index < count; index += 1) {
    const folder = path.join(corpus, String(Math.floor(index / 1000)).padStart(3, '0'));
    if (index % 1000 === 0) mkdirSync(folder, { recursive: true });
    const name = `doc-${String(index).padStart(6, '0')}`;
    if (index % 2 === 0)
      writeFileSync(path.join(folder, `${name}.md`), generatedArticle(index, bytes));
    else writeFileSync(path.join(folder, `${name}.html`), htmlPage(index));
  }
}

rmSync(workspace, { recursive: true, force: true });
const { config } = loadConfig({ cwd: os.tmpdir(), env: {} });
config.ingest.htmlMainContent = values['main-content'];
if (values.workers !== undefined) config.ingest.workers = Number(values.workers);
const store = await openStore({ workspace });

const rssSamples = [];
const sampler = setInterval(() => rssSamples.push(process.memoryUsage().rss), 1000);
let documents = 0;
const started = performance.now();
const result = await runIngest({
  store,
  config: config.ingest,
  inputs: [corpus],
  onEvent: (event) => {
    if (event.type === 'source-done') documents += 1;
    if (event.type === 'source-done' && documents % 5000 === 0) {
      const seconds = (performance.now() - started) / 1000;
      const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
      process.stderr.write(
        `${documents} sources, ${(documents / seconds).toFixed(0)}/s, rss ${rss} MiB\n`,
      );
    }
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
await store.close();

const quarter = (fraction) =>
  Math.round((rssSamples[Math.floor((rssSamples.length - 1) * fraction)] ?? 0) / 2 ** 20);
console.log(
  JSON.stringify({
    documents: count,
    bytesPerDocument: bytes,
    seconds: Number(seconds.toFixed(1)),
    documentsPerSecond: Math.round(count / seconds),
    chunks: result.card.counts.chunks,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssMiBAt25_50_75_100: [quarter(0.25), quarter(0.5), quarter(0.75), quarter(1)],
    htmlMainContent: values['main-content'],
    workers: config.ingest.workers ?? 'default',
    node: process.version,
    cpus: os.cpus().length,
  }),
);
