import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UseLiteEmbedderOptions, UseLiteEmbedder } from './use-lite-embedder.js';
import { createUseLiteEmbedder } from './use-lite-embedder.js';
import { describeEmbedderContract, maxDifference } from './test-support/embedder-suite.js';

const DIST = fileURLToPath(new URL('../../../dist/models/embedders/', import.meta.url));

// Worker threads run compiled JavaScript, so these tests drive the build that `npm test`
// makes first; from sources alone, embedding would silently stay in one thread.
async function createCompiled(options: UseLiteEmbedderOptions): Promise<UseLiteEmbedder> {
  const compiled = (await import(path.join(DIST, 'use-lite-embedder.js'))) as {
    createUseLiteEmbedder: typeof createUseLiteEmbedder;
  };
  return compiled.createUseLiteEmbedder(options);
}

describeEmbedderContract(
  'USE lite (2 worker threads, compiled build)',
  () => createCompiled({ threads: 2 }),
  {
    dimension: 512,
  },
);

describe('USE lite on worker threads (compiled build)', () => {
  it('is built', () => {
    expect(existsSync(path.join(DIST, 'use-lite-worker.js'))).toBe(true);
  });

  it('gives the same vectors on two threads as in the calling thread', async () => {
    const texts = Array.from({ length: 100 }, (_, index) => `catalogue entry ${index}: blue shirt`);
    const threaded = await createCompiled({ threads: 2, batchSize: 8 });
    const inline = await createUseLiteEmbedder({ threads: 0, batchSize: 8 });
    expect(threaded.threads).toBe(2);

    const [left, right] = [
      await threaded.embed(texts, 'passage'),
      await inline.embed(texts, 'passage'),
    ];
    left.forEach((vector, index) => expect(maxDifference(vector, right[index]!)).toBe(0));
    await Promise.all([threaded.close(), inline.close()]);
  });

  it('refuses to embed after close', async () => {
    const threaded = await createCompiled({ threads: 1 });
    await threaded.close();
    await expect(threaded.embed(['late'], 'query')).rejects.toThrow(/was closed/);
  });
});
