import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../sql-client.js';
import { storeBackends } from '../test-support/store-backends.js';
import {
  insertUsage,
  summariseUsage,
  sumUsage,
  type UsageLedgerEntry,
} from './usage-ledger-repository.js';

function entry(overrides: Partial<UsageLedgerEntry>): UsageLedgerEntry {
  return {
    workspace: 'acme',
    provider: 'tgi',
    model: 'llama',
    useCase: 'draft',
    inputTokens: 100,
    outputTokens: 50,
    tokenSource: 'server',
    cost: 0.5,
    currency: 'EUR',
    latencyMs: 200,
    timeToFirstTokenMs: 40,
    outcome: 'completed',
    at: new Date('2026-12-03T10:00:00Z'),
    ...overrides,
  };
}

describe.each(storeBackends())('usage ledger on $name', (backend) => {
  let store: SqlClient;
  beforeAll(async () => {
    store = await backend.open();
    await insertUsage(store, entry({}));
    await insertUsage(
      store,
      entry({ latencyMs: 400, timeToFirstTokenMs: null, outcome: 'broken' }),
    );
    await insertUsage(store, entry({ model: 'gpt', provider: 'openai', cost: 2, currency: 'USD' }));
    await insertUsage(store, entry({ cost: null, currency: null, useCase: 'brief' }));
    await insertUsage(store, entry({ workspace: 'globex' }));
    await insertUsage(store, entry({ at: new Date('2026-12-02T23:59:59Z') }));
  });
  afterAll(async () => {
    await store.close();
  });

  it('sums a workspace from a moment on, cost only in the asked currency', async () => {
    const totals = await sumUsage(store, {
      workspace: 'acme',
      since: new Date('2026-12-03T00:00:00Z'),
      currency: 'EUR',
    });

    expect(totals).toEqual({ calls: 4, inputTokens: 400, outputTokens: 200, cost: 1 });
  });

  it('summarises by provider, model and use case', async () => {
    const rows = await summariseUsage(store, {
      workspace: 'acme',
      since: new Date('2026-12-03T00:00:00Z'),
      until: new Date('2026-12-04T00:00:00Z'),
    });

    expect(rows).toEqual([
      expect.objectContaining({ provider: 'openai', model: 'gpt', calls: 1, cost: 2 }),
      expect.objectContaining({ model: 'llama', useCase: 'brief', calls: 1, cost: null }),
      expect.objectContaining({
        model: 'llama',
        useCase: 'draft',
        calls: 2,
        brokenCalls: 1,
        inputTokens: 200,
        cost: 1,
        meanLatencyMs: 300,
        meanTimeToFirstTokenMs: 40,
      }),
    ]);
  });
});
