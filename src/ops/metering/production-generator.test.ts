import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointRegistry } from '../../models/generators/resilient-endpoints.js';
import { scriptedErrors as errors } from '../../models/generators/test-support/generator-errors.js';
import { ScriptedGenerator } from '../../models/generators/test-support/scripted-generator.js';
import { listUsage } from '../../store/repositories/usage-ledger-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { storeBackends } from '../../store/test-support/store-backends.js';
import { generationOperationsSchema } from './generation-config-schema.js';
import { productionGenerator } from './production-generator.js';

describe.each(storeBackends())('productionGenerator on $name', (backend) => {
  let store: SqlClient;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('falls back, meters the model that answered, then replays from the cache', async () => {
    const config = generationOperationsSchema.parse({
      resilience: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
      prices: { 'small-model': { inputPer1k: 0.1, outputPer1k: 0.2 } },
      budgets: { default: { day: { tokens: 10_000 } } },
    });
    const primary = new ScriptedGenerator([{ fail: errors.unavailable() }], { model: 'big-model' });
    const secondary = new ScriptedGenerator(
      [{ deltas: ['Hello'], usage: { inputTokens: 1_000, outputTokens: 500, source: 'server' } }],
      { model: 'small-model' },
    );
    const generator = productionGenerator({
      chain: [
        { generator: primary, endpoint: 'http://big:8080', name: 'big-model' },
        { generator: secondary, endpoint: 'http://small:8080', name: 'small-model' },
      ],
      config,
      registry: createEndpointRegistry(config.resilience),
      db: store,
    });
    const request = {
      prompt: 'Greet the customer.',
      tags: { workspace: 'acme', useCase: 'assistant', datasetVersion: 'v1' },
    };

    const first = await generator.generate(request);
    const second = await generator.generate(request);

    expect([first.text, second.text]).toEqual(['Hello', 'Hello']);
    expect([first.replayedFromCache, second.replayedFromCache]).toEqual([undefined, true]);
    expect([primary.calls, secondary.calls]).toEqual([2, 1]);
    const ledger = await listUsage(store, { workspace: 'acme' });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      model: 'small-model',
      useCase: 'assistant',
      currency: 'USD',
    });
    expect(ledger[0]?.cost).toBeCloseTo(0.2, 9);
  });
});
