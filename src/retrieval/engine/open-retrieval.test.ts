import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../core/config-schema.js';
import type { Logger } from '../../core/logger.js';
import { runIngest } from '../../ingest/pipeline/run-ingest.js';
import { writeGeneratedCorpus } from '../../ingest/test-support/generated-corpus.js';
import { openStore } from '../../store/open-store.js';
import type { SqlClient } from '../../store/sql-client.js';
import { openRetrieval } from './open-retrieval.js';
import { hashingEmbedder } from './test-support/hashing-embedder.js';

const config = configSchema.parse({});

describe('index lifecycle over dataset versions', () => {
  let root: string;
  let corpus: string;
  let store: SqlClient;
  const embedder = hashingEmbedder();
  const warnings: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_fields, message) => warnings.push(message),
    error: () => undefined,
  };
  const open = () =>
    openRetrieval({ store, workspace: root, config: config.retrieval, embedder, logger });
  const ingest = () => runIngest({ store, config: config.ingest, inputs: [corpus] });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'markwerk-retrieval-'));
    corpus = path.join(root, 'corpus');
    writeGeneratedCorpus(corpus, 12, 1500);
    store = await openStore({});
    await ingest();
  });
  afterAll(async () => {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds once, then loads the saved index without embedding again', async () => {
    const built = await open();
    expect(built.origin).toBe('built');
    const embedded = embedder.texts;
    expect(embedded).toBe(built.index.catalog.size);

    const loaded = await open();
    expect(loaded.origin).toBe('loaded');
    expect(embedder.texts).toBe(embedded + 0);
    const results = await loaded.search.search('guide number 3', { mode: 'hybrid', k: 3 });
    expect(results[0]!.chunk.sourceUri).toBe('doc-00003.md');
  });

  it('updates incrementally when the dataset changes, embedding only new chunks', async () => {
    writeFileSync(
      path.join(corpus, 'doc-00005.md'),
      '# Bivouac checklist\n\nPack a bivouac sack, a stove and a headlamp for the ridge.\n',
    );
    await ingest();
    const before = embedder.texts;
    const updated = await open();
    expect(updated.origin).toBe('updated');
    expect(updated.changes!.added).toBeGreaterThan(0);
    expect(updated.changes!.removed).toBeGreaterThan(0);
    expect(embedder.texts - before).toBe(updated.changes!.added);

    const results = await updated.search.search('bivouac sack', { mode: 'bm25', k: 1 });
    expect(results[0]!.chunk.sourceUri).toBe('doc-00005.md');
    const gone = await updated.search.search('guide number 5', { mode: 'bm25', k: 20 });
    expect(gone.map((hit) => hit.chunk.sourceUri)).not.toContain('doc-00005.md');
  });

  it('detects a corrupt index file, rebuilds it and never serves it', async () => {
    const { folder } = await open();
    writeFileSync(path.join(folder, 'bm25.bin'), 'not an index');
    const rebuilt = await open();
    expect(rebuilt.origin).toBe('built');
    expect(warnings).toContain('index-rebuilt');
    const results = await rebuilt.search.search('bivouac sack', { mode: 'bm25', k: 1 });
    expect(results[0]!.chunk.sourceUri).toBe('doc-00005.md');
    expect((await open()).origin).toBe('loaded');
  });

  it('keeps one index per embedder, so switching models never mixes vectors', async () => {
    const other = { ...hashingEmbedder(32), modelId: 'test-hashing-small' };
    const opened = await openRetrieval({
      store,
      workspace: root,
      config: config.retrieval,
      embedder: other,
    });
    expect(opened.origin).toBe('built');
    expect(opened.folder).not.toBe((await open()).folder);
  });
});
