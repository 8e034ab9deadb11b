import { describe, expect, it } from 'vitest';
import { describeEmbedderContract, maxDifference } from './test-support/embedder-suite.js';
import { createUseLiteEmbedder } from './use-lite-embedder.js';
import { USE_LITE_REVISION } from './use-lite-model.js';

describeEmbedderContract('USE lite (calling thread)', () => createUseLiteEmbedder(), {
  dimension: 512,
});

describe('USE lite embedder', () => {
  it('embeds in the calling thread when run from TypeScript sources', async () => {
    const embedder = await createUseLiteEmbedder({ threads: 2 });
    expect(embedder.threads).toBe(0);
    expect(embedder.modelId).toBe('universal-sentence-encoder-lite');
    expect(embedder.revision).toBe(USE_LITE_REVISION);
    expect(USE_LITE_REVISION).toMatch(/^\d+\.\d+\.\d+/);
    await embedder.close();
  });

  it('places related texts closer than unrelated ones', async () => {
    const embedder = await createUseLiteEmbedder({ threads: 0 });
    const [query, near, far] = await embedder.embed(
      ['cheap running shoes', 'discounted trainers for joggers', 'quarterly tax filing deadline'],
      'query',
    );
    expect(dot(query!, near!)).toBeGreaterThan(dot(query!, far!) + 0.1);
    await embedder.close();
  });

  it('gives the same vectors whatever the batch size', async () => {
    const texts = Array.from({ length: 40 }, (_, index) => `product number ${index} in stock`);
    const small = await createUseLiteEmbedder({ threads: 0, batchSize: 7 });
    const large = await createUseLiteEmbedder({ threads: 0, batchSize: 64 });
    const [left, right] = [
      await small.embed(texts, 'passage'),
      await large.embed(texts, 'passage'),
    ];
    left.forEach((vector, index) =>
      expect(maxDifference(vector, right[index]!)).toBeLessThan(1e-5),
    );
    await Promise.all([small.close(), large.close()]);
  });
});

function dot(left: Float32Array, right: Float32Array): number {
  return left.reduce((sum, value, index) => sum + value * right[index]!, 0);
}
