import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlClient } from '../sql-client.js';
import { storeBackends } from '../test-support/store-backends.js';
import {
  countModerationDecisions,
  listModerationDecisions,
  recordModerationDecisions,
  type ModerationDecisionInput,
} from './moderation-log-repository.js';

function decision(overrides: Partial<ModerationDecisionInput> = {}): ModerationDecisionInput {
  return {
    scanId: 'scan-1',
    direction: 'in',
    source: 'user',
    findingType: 'EMAIL',
    rule: 'pii.email',
    action: 'mask',
    verdict: 'mask',
    policyVersion: 'brand-3',
    inputHash: 'a'.repeat(64),
    textHash: 'b'.repeat(64),
    excerpt: null,
    start: 4,
    end: 20,
    score: 0.99,
    language: 'de',
    ...overrides,
  };
}

describe.each(storeBackends())('moderation log on $name', (backend) => {
  let store: SqlClient;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores every field of a decision and reads it back', async () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    await recordModerationDecisions(store, [decision({ at, market: 'DE', channel: 'web' })]);

    const [row] = await listModerationDecisions(store);
    expect(row).toMatchObject({
      scanId: 'scan-1',
      direction: 'in',
      source: 'user',
      findingType: 'EMAIL',
      rule: 'pii.email',
      action: 'mask',
      verdict: 'mask',
      policyVersion: 'brand-3',
      textHash: 'b'.repeat(64),
      excerpt: null,
      start: 4,
      end: 20,
      language: 'de',
      market: 'DE',
      channel: 'web',
      category: undefined,
    });
    expect(row?.at.toISOString()).toBe(at.toISOString());
    expect(row?.score).toBeCloseTo(0.99, 5);
  });

  it('filters by type, action, direction, source and time, newest first', async () => {
    await recordModerationDecisions(store, [
      decision({ at: new Date('2026-12-01T00:00:00Z') }),
      decision({
        scanId: 'scan-2',
        findingType: 'TOXICITY',
        rule: 'toxicity.insult',
        action: 'block',
        verdict: 'block',
        excerpt: 'idiot',
        at: new Date('2026-12-02T00:00:00Z'),
      }),
      decision({
        scanId: 'scan-3',
        direction: 'in',
        source: 'retrieved',
        findingType: 'PROMPT_INJECTION',
        rule: 'injection.ignore-previous',
        action: 'flag',
        verdict: 'flag',
        at: new Date('2026-12-03T00:00:00Z'),
      }),
    ]);

    expect((await listModerationDecisions(store)).map((row) => row.scanId)).toEqual([
      'scan-3',
      'scan-2',
      'scan-1',
    ]);
    const blocked = await listModerationDecisions(store, { action: 'block' });
    expect(blocked.map((row) => row.excerpt)).toEqual(['idiot']);
    const retrieved = await listModerationDecisions(store, { source: 'retrieved' });
    expect(retrieved.map((row) => row.findingType)).toEqual(['PROMPT_INJECTION']);
    const window = await listModerationDecisions(store, {
      since: new Date('2026-12-01T12:00:00Z'),
      until: new Date('2026-12-03T00:00:00Z'),
    });
    expect(window.map((row) => row.scanId)).toEqual(['scan-2']);
    expect(await listModerationDecisions(store, { limit: 1, offset: 1 })).toHaveLength(1);
    expect(await listModerationDecisions(store, { direction: 'out' })).toEqual([]);
  });

  it('counts decisions per type and action', async () => {
    await recordModerationDecisions(store, [
      decision(),
      decision({ start: 30, end: 40 }),
      decision({ findingType: 'CLAIM', rule: 'absolute_claim', action: 'flag' }),
    ]);

    expect(await countModerationDecisions(store, { scanId: 'scan-1' })).toEqual([
      { findingType: 'CLAIM', action: 'flag', count: 1 },
      { findingType: 'EMAIL', action: 'mask', count: 2 },
    ]);
  });

  it('refuses an action the guard does not know', async () => {
    await expect(
      recordModerationDecisions(store, [decision({ action: 'delete' as 'block' })]),
    ).rejects.toThrow();
  });
});
