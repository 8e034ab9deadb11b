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

  it('falls back and meters the model that answered; caches only the first model', async () => {
    const config = generationOperationsSchema.parse({
      resilience: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } },
      prices: { 'small-model': { inputPer1k: 0.1, outputPer1k: 0.2 } },
      budgets: { default: { day: { tokens: 10_000 } } },
    });
    const down = { fail: errors.unavailable() };
    const primary = new ScriptedGenerator([down, down, { deltas: ['Hi'] }], { model: 'big-model' });
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

    const fallback = await generator.generate(request);
    const recovered = await generator.generate(request);
    const replayed = await generator.generate(request);

    expect(fallback).toMatchObject({ text: 'Hello', fallbackFrom: ['big-model'] });
    expect(fallback.replayedFromCache).toBeUndefined();
    expect(recovered.text).toBe('Hi');
    expect(recovered.replayedFromCache).toBeUndefined();
    expect(replayed).toMatchObject({ text: 'Hi', replayedFromCache: true });
    expect([primary.calls, secondary.calls]).toEqual([3, 1]);
    const ledger = await listUsage(store, { workspace: 'acme' });
    const small = ledger.find((entry) => entry.model === 'small-model');
    expect(ledger).toHaveLength(2);
    expect(small).toMatchObject({ useCase: 'assistant', currency: 'USD' });
    expect(small?.cost).toBeCloseTo(0.2, 9);
  });
});
