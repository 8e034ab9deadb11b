import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { describeEmbedderContract, maxDifference, norm } from './test-support/embedder-suite.js';
import type { TransformersEmbedderConfigInput } from './transformers-embedder-config.js';
import { createTransformersEmbedder } from './transformers-embedder.js';

const MODELS = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));
const DUMMY = path.join(MODELS, 'vespa-dummy-bert-mlm');
const present = existsSync(DUMMY);
const title = present ? '' : ' (skipped: ../shared/models/vespa-dummy-bert-mlm is absent)';

// Random weights: these tests check plumbing (width, order, prefixes, truncation), never
// meaning. The model pools its 30,522 MLM logits, hence the odd width. Its encoder was
// exported without batch_first, so it attends across the batch axis: a text's vector
// changes with its batch neighbours. Only batch size 1 gives each text its own vector, so
// these tests use it; pooling over real batches is covered in pool-token-states.test.ts.
const base: TransformersEmbedderConfigInput = {
  batchSize: 1,
  model: 'vespa-dummy-bert-mlm',
  localModelPath: MODELS,
  revision: 'vespa-1f79d33',
  dimension: 30522,
  dtype: 'fp32',
  offline: true,
};

if (present)
  describeEmbedderContract('transformers.js dummy BERT', () => load(), { dimension: 30522 });

describe.skipIf(!present)(`transformers.js embedder${title}`, () => {
  it('loads offline by id under localModelPath, and by folder path, alike', async () => {
    const byId = await load();
    expect(env.allowRemoteModels).toBe(false);
    const byPath = await load({ model: DUMMY, localModelPath: undefined });
    const [left] = await byId.embed(['buy one, get one free'], 'passage');
    const [right] = await byPath.embed(['buy one, get one free'], 'passage');
    expect(maxDifference(left!, right!)).toBe(0);
    expect(byId.modelId).toBe('vespa-dummy-bert-mlm');
    expect(byId.revision).toBe('vespa-1f79d33');
    await Promise.all([byId.close(), byPath.close()]);
  });

  it('applies the query and passage prefixes', async () => {
    const plain = await load();
    const e5Style = await load({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    const text = ['winter jackets on sale'];
    const [plainQuery] = await plain.embed(text, 'query');
    const [plainPassage] = await plain.embed(text, 'passage');
    const [query] = await e5Style.embed(text, 'query');
    const [passage] = await e5Style.embed(text, 'passage');
    const [spelledOut] = await plain.embed(['query: winter jackets on sale'], 'passage');

    expect(maxDifference(plainQuery!, plainPassage!)).toBe(0);
    expect(maxDifference(query!, passage!)).toBeGreaterThan(1e-4);
    expect(maxDifference(query!, plainQuery!)).toBeGreaterThan(1e-4);
    expect(maxDifference(query!, spelledOut!)).toBeLessThan(1e-6);
    await Promise.all([plain.close(), e5Style.close()]);
  });

  it('truncates to maxLength tokens', async () => {
    const embedder = await load({ maxLength: 6 });
    const [first, second, shorter] = await embedder.embed(
      ['one two three four five six seven', 'one two three four five eight nine', 'one two'],
      'passage',
    );
    expect(maxDifference(first!, second!)).toBe(0);
    expect(maxDifference(first!, shorter!)).toBeGreaterThan(1e-4);
    await embedder.close();
  });

  it('pools with the CLS token when asked', async () => {
    const mean = await load();
    const cls = await load({ pooling: 'cls' });
    const [meanVector] = await mean.embed(['red shoe'], 'passage');
    const [clsVector] = await cls.embed(['red shoe'], 'passage');
    expect(norm(clsVector!)).toBeCloseTo(1, 4);
    expect(maxDifference(meanVector!, clsVector!)).toBeGreaterThan(1e-4);
    await Promise.all([mean.close(), cls.close()]);
  });

  it('names both widths when the configured dimension is wrong', async () => {
    await expect(load({ dimension: 384 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { key: 'dimension', expected: 384, actual: 30522 },
      message: expect.stringMatching(/produces 30522-dimensional .* dimension: 384/),
    });
  });

  it('refuses normalize: false for a model whose vectors are not unit length', async () => {
    await expect(load({ normalize: false })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { key: 'normalize' },
    });
  });

  it('refuses pooling none for a model that returns token states', async () => {
    await expect(load({ pooling: 'none' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/use pooling 'mean' or 'cls'/),
    });
  });

  it('says which folder and files it looked for when a model is missing offline', async () => {
    await expect(load({ model: 'no-such-model' })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      details: { location: path.join(MODELS, 'no-such-model'), offline: true },
    });
  });

  it('asks for a quantized file that the folder lacks, and says so', async () => {
    await expect(load({ dtype: 'q8' })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      message: expect.stringMatching(/dtype q8/),
    });
  });

  it('stays offline when HF_HUB_OFFLINE=1 even without offline: true', async () => {
    env.allowRemoteModels = true;
    process.env.HF_HUB_OFFLINE = '1';
    try {
      const embedder = await load({ model: DUMMY, localModelPath: undefined, offline: false });
      expect(env.allowRemoteModels).toBe(false);
      await embedder.close();
    } finally {
      delete process.env.HF_HUB_OFFLINE;
    }
  });
});

function load(overrides: Partial<TransformersEmbedderConfigInput> = {}) {
  return createTransformersEmbedder({ ...base, ...overrides });
}
