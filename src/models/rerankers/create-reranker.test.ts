import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReranker, rerankerConfigSchema } from './create-reranker.js';
import { FeatureReranker } from './feature-reranker.js';
import { TeiReranker } from './tei-reranker.js';
import { hasSharedFolder, sharedFolder } from './test-support/shared-folder.js';
import { startStandInTeiServer } from './test-support/stand-in-tei-server.js';

describe('rerankerConfigSchema', () => {
  it('accepts each provider and rejects unknown keys and missing urls', () => {
    expect(rerankerConfigSchema.parse({ provider: 'features', weights: { title: 0 } })).toEqual({
      provider: 'features',
      weights: { title: 0 },
    });
    expect(rerankerConfigSchema.safeParse({ provider: 'tei' }).success).toBe(false);
    expect(rerankerConfigSchema.safeParse({ provider: 'tei', url: 'ftp://x' }).success).toBe(false);
    expect(
      rerankerConfigSchema.safeParse({ provider: 'transformers', model: 'x', batchSize: 0 })
        .success,
    ).toBe(false);
    expect(rerankerConfigSchema.safeParse({ provider: 'features', weight: {} }).success).toBe(
      false,
    );
  });
});

describe('createReranker', () => {
  it('defaults to the feature reranker and applies its weights', async () => {
    const reranker = await createReranker({ provider: 'features', weights: { phrase: 2 } });

    expect(reranker).toBeInstanceOf(FeatureReranker);
    expect((reranker as FeatureReranker).weights.phrase).toBe(2);
    expect(await createReranker()).toBeInstanceOf(FeatureReranker);
  });

  it('names the bad key in a CONFIG_INVALID error', async () => {
    await expect(
      createReranker({ provider: 'features', weights: { title: -1 } }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID', details: { key: 'reranker.weights.title' } });
    await expect(createReranker({ provider: 'cohere' })).rejects.toThrow(/"features"/);
  });

  it('connects to a TEI server (stand-in TEI server)', async () => {
    const server = await startStandInTeiServer();
    try {
      const reranker = await createReranker({ provider: 'tei', url: `${server.url}/` });

      expect(reranker).toBeInstanceOf(TeiReranker);
      expect(await reranker.rerank('tent', [{ id: 'a', text: 'tent' }])).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  const skipNote = hasSharedFolder ? '' : ' (skipped: ../shared is not checked out)';
  it.skipIf(!hasSharedFolder)(
    `loads a transformers.js model folder offline${skipNote}`,
    async () => {
      const model = path.join(sharedFolder, 'models/vespa-dummy-bert-mlm');
      const reranker = await createReranker({ provider: 'transformers', model, offline: true });

      expect(reranker.modelId).toBe(model);
      await reranker.close();
    },
  );
});
