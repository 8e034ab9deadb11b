import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import {
  meteredGenerator,
  type UsageAdmission,
} from '../../models/generators/metered-generator.js';
import { ScriptedGenerator } from '../../models/generators/test-support/scripted-generator.js';
import { listUsage } from '../../store/repositories/usage-ledger-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { storeBackends } from '../../store/test-support/store-backends.js';
import { budgetsSchema, priceTableSchema } from './metering-config.js';
import { createUsageMeter } from './usage-meter.js';

const prices = priceTableSchema.parse({
  'llama-3-8b': { inputPer1k: 0.5, outputPer1k: 1.5, currency: 'EUR' },
});

function admission(overrides: Partial<UsageAdmission> = {}): UsageAdmission {
  return {
    workspace: 'acme',
    useCase: 'draft',
    provider: 'tgi',
    model: 'llama-3-8b',
    projectedInputTokens: 0,
    projectedOutputTokens: 0,
    ...overrides,
  };
}

function usage(inputTokens: number, outputTokens: number, workspace = 'acme') {
  return {
    workspace,
    useCase: 'draft',
    provider: 'tgi',
    model: 'llama-3-8b',
    inputTokens,
    outputTokens,
    tokenSource: 'server' as const,
    latencyMs: 120,
    timeToFirstTokenMs: 40,
    outcome: 'completed' as const,
  };
}

async function refusal(promise: Promise<unknown>): Promise<MarkwerkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MarkwerkError);
  return error as MarkwerkError;
}

describe.each(storeBackends())('usage meter on $name', (backend) => {
  let store: SqlClient;
  let clock: Date;
  beforeAll(async () => {
    store = await backend.open();
  });
  beforeEach(async () => {
    await store.exec('delete from generation_usage');
    clock = new Date('2026-12-03T15:00:00Z');
  });
  afterAll(async () => {
    await store.close();
  });

  function meter(budgets: unknown) {
    return createUsageMeter({
      db: store,
      prices,
      budgets: budgetsSchema.parse(budgets),
      now: () => clock,
    });
  }

  it('writes each call to the ledger with its cost from the price table', async () => {
    await meter({}).record(usage(2_000, 1_000));

    const [entry] = await listUsage(store, { workspace: 'acme' });
    expect(entry).toMatchObject({
      workspace: 'acme',
      provider: 'tgi',
      model: 'llama-3-8b',
      useCase: 'draft',
      inputTokens: 2_000,
      outputTokens: 1_000,
      tokenSource: 'server',
      currency: 'EUR',
      latencyMs: 120,
      timeToFirstTokenMs: 40,
      outcome: 'completed',
    });
    expect(entry?.cost).toBeCloseTo(2.5, 9);
    expect(entry?.at.toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });

  it('refuses a call once the daily token cap is used up, saying how to raise it', async () => {
    const meterWithCap = meter({ workspaces: { acme: { day: { tokens: 1_000 } } } });
    await meterWithCap.admit(admission({ projectedInputTokens: 100 }));
    await meterWithCap.record(usage(600, 400));

    const error = await refusal(meterWithCap.admit(admission()));

    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(error.details).toMatchObject({
      workspace: 'acme',
      period: 'day',
      metric: 'tokens',
      spent: 1_000,
      cap: 1_000,
      resetsAt: '2026-12-04T00:00:00.000Z',
      configKey: 'generation.budgets.workspaces.acme.day.tokens',
    });
    expect(error.message).toContain('Raise generation.budgets.workspaces.acme.day.tokens');

    clock = new Date('2026-12-04T00:00:01Z');
    await expect(meterWithCap.admit(admission())).resolves.toBeUndefined();
  });

  it('refuses a call whose projected tokens would cross the cap', async () => {
    const meterWithCap = meter({ workspaces: { acme: { day: { tokens: 1_000 } } } });
    await meterWithCap.record(usage(500, 300));

    const error = await refusal(
      meterWithCap.admit(admission({ projectedInputTokens: 100, projectedOutputTokens: 150 })),
    );

    expect(error.details).toMatchObject({ spent: 800, projected: 250, cap: 1_000 });
  });

  it('checks a monthly cost cap in the budget currency', async () => {
    const meterWithCap = meter({
      default: { currency: 'EUR', month: { cost: 5 } },
    });
    await meterWithCap.record(usage(4_000, 2_000));
    clock = new Date('2026-12-20T09:00:00Z');

    const error = await refusal(meterWithCap.admit(admission({ projectedOutputTokens: 1_000 })));

    expect(error.details).toMatchObject({
      period: 'month',
      metric: 'cost',
      spent: 5,
      cap: 5,
      resetsAt: '2027-01-01T00:00:00.000Z',
      configKey: 'generation.budgets.default.month.cost',
    });
  });

  it('counts only the asking workspace and only the current period', async () => {
    const meterWithCap = meter({ default: { day: { tokens: 1_000 } } });
    await meterWithCap.record(usage(900, 100, 'other'));
    clock = new Date('2026-12-02T23:59:59Z');
    await meterWithCap.record(usage(900, 100));
    clock = new Date('2026-12-03T10:00:00Z');

    await expect(meterWithCap.admit(admission())).resolves.toBeUndefined();
  });

  it('rejects a cost cap for a model without a price as a config error', async () => {
    const meterWithCap = meter({ default: { currency: 'EUR', day: { cost: 10 } } });

    const error = await refusal(meterWithCap.admit(admission({ model: 'unpriced-model' })));

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('unpriced-model');
  });

  it('meters generator calls end to end and stops them at the cap', async () => {
    const inner = new ScriptedGenerator(
      [{ deltas: ['ok'], usage: { inputTokens: 300, outputTokens: 200, source: 'server' } }],
      { model: 'llama-3-8b', provider: 'tgi' },
    );
    const generator = meteredGenerator(inner, {
      meter: meter({ workspaces: { acme: { day: { tokens: 1_000 } } } }),
    });
    const request = { prompt: 'hi', tags: { workspace: 'acme', useCase: 'brief' } };

    await generator.generate(request);
    await generator.generate(request);
    const error = await refusal(generator.generate(request));

    expect(error.code).toBe('BUDGET_EXCEEDED');
    expect(inner.calls).toBe(2);
    const ledger = await listUsage(store, { workspace: 'acme' });
    expect(ledger.map((entry) => [entry.useCase, entry.inputTokens, entry.outputTokens])).toEqual([
      ['brief', 300, 200],
      ['brief', 300, 200],
    ]);
  });
});
