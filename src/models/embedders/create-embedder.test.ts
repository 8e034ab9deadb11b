import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEmbedder, embedderConfigSchema } from './create-embedder.js';
import { startStandInTeiServer } from './test-support/stand-in-tei-server.js';

const DUMMY = fileURLToPath(
  new URL('../../../../shared/models/vespa-dummy-bert-mlm', import.meta.url),
);

describe('createEmbedder', () => {
  it('builds the offline USE lite embedder', async () => {
    const embedder = await createEmbedder({ provider: 'use-lite', threads: 0 });
    expect([embedder.modelId, embedder.dimension]).toEqual([
      'universal-sentence-encoder-lite',
      512,
    ]);
    await embedder.close();
  });

  it.skipIf(!existsSync(DUMMY))(
    `builds a transformers.js embedder${existsSync(DUMMY) ? '' : ' (skipped: ../shared absent)'}`,
    async () => {
      const embedder = await createEmbedder({
        provider: 'transformers',
        model: DUMMY,
        revision: 'vespa-1f79d33',
        dimension: 30522,
        offline: true,
      });
      expect(embedder.modelId).toBe(DUMMY);
      await embedder.close();
    },
  );

  it('builds a TEI client (stand-in TEI server)', async () => {
    const server = await startStandInTeiServer({ dimension: 24 });
    const embedder = await createEmbedder({ provider: 'tei', url: server.url });
    expect(embedder.dimension).toBe(24);
    await embedder.close();
    await server.close();
  });

  it('names each bad key', async () => {
    await expect(
      createEmbedder({ provider: 'transformers', model: 'x', revision: 'main' } as never),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/embedder\.dimension/),
    });
    await expect(createEmbedder({ provider: 'use-lite', thread: 2 } as never)).rejects.toThrow(
      /Unrecognized key: "thread"/,
    );
    await expect(createEmbedder({ provider: 'openai' } as never)).rejects.toThrow(
      /embedder\.provider/,
    );
  });

  it('fills defaults and exports JSON Schema for the main configuration', () => {
    expect(embedderConfigSchema.parse({ provider: 'tei', url: 'http://tei:80' })).toMatchObject({
      concurrency: 4,
      maxAttempts: 4,
      truncate: true,
    });
    expect(JSON.stringify(embedderConfigSchema.toJSONSchema())).toContain('use-lite');
  });
});
