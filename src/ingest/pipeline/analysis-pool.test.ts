import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../../samples/', import.meta.url));

// Worker threads run compiled JavaScript, so this test drives the build that `npm test`
// makes first; run from sources alone, analysis would silently stay in one thread.
describe('analysis on worker threads (compiled build)', () => {
  it('is built', () => {
    expect(existsSync(path.join(DIST, 'ingest/pipeline/analysis-worker.js'))).toBe(true);
  });

  it('yields the same dataset version as analysis in the main thread', async () => {
    const { runIngest } = await import(path.join(DIST, 'ingest/pipeline/run-ingest.js'));
    const { openStore } = await import(path.join(DIST, 'store/open-store.js'));
    const { createSourceAnalyser } = await import(
      path.join(DIST, 'ingest/pipeline/analysis-pool.js')
    );
    const config = loadConfig({ file: path.join(SAMPLES, 'markwerk.yaml'), env: {} }).config.ingest;

    const pool = await createSourceAnalyser(config, 2);
    expect(pool.threads).toBe(2);
    await pool.close();

    const versions: string[] = [];
    for (const workers of [0, 2]) {
      const store = await openStore({});
      const result = await runIngest({ store, config: { ...config, workers }, inputs: [SAMPLES] });
      versions.push(result.versionId);
      await store.close();
    }
    expect(versions[1]).toBe(versions[0]);
  });

  it('carries a malformed-file error across threads with its file and line', async () => {
    const { createSourceAnalyser } = await import(
      path.join(DIST, 'ingest/pipeline/analysis-pool.js')
    );
    const config = loadConfig({ file: path.join(SAMPLES, 'markwerk.yaml'), env: {} }).config.ingest;
    const pool = await createSourceAnalyser(config, 1);
    try {
      const bytes = new TextEncoder().encode('{"title":"ok"}\n{"title": broken\n');
      await expect(
        pool.analyse({ key: 'tickets.jsonl', origin: 'file', location: '/x/tickets.jsonl', bytes }),
      ).rejects.toMatchObject({ code: 'INPUT_MALFORMED', message: expect.stringMatching(/:2/) });
    } finally {
      await pool.close();
    }
  });
});
