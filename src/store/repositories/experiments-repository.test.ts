import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlClient } from '../sql-client.js';
import { storeBackends } from '../test-support/store-backends.js';
import {
  experimentEvents,
  insertEvents,
  variantUserCounts,
} from './experiment-events-repository.js';
import {
  experimentNames,
  findAssignment,
  findExperiment,
  insertExperiment,
  saveAssignment,
  setExperimentStatus,
} from './experiments-repository.js';

const plan = {
  id: 'exp-1',
  name: 'hero-headline',
  variants: [
    { name: 'a', weight: 1 },
    { name: 'b', weight: 2 },
  ],
  metric: 'conversion' as const,
  baselineRate: 0.1,
  minimumDetectableEffect: 0.02,
  alpha: 0.05,
  power: 0.8,
  sampleSizePerArm: 3841,
  minRunDays: 7,
  assignmentMode: 'hash' as const,
  createdAt: new Date('2026-11-01T00:00:00Z'),
};

describe.each(storeBackends())('experiment repositories on $name', (backend) => {
  let db: SqlClient;

  beforeEach(async () => {
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('stores an experiment plan and finds it by name', async () => {
    await insertExperiment(db, plan);
    await insertExperiment(db, { ...plan, id: 'exp-0', name: 'checkout-button' });

    const found = await findExperiment(db, 'hero-headline');
    expect(found).toEqual({ ...plan, status: 'running' });
    expect(await findExperiment(db, 'missing')).toBeUndefined();
    expect(await experimentNames(db)).toEqual(['checkout-button', 'hero-headline']);
    await expect(insertExperiment(db, { ...plan, id: 'exp-2' })).rejects.toThrow();

    await setExperimentStatus(db, 'exp-1', 'stopped');
    expect((await findExperiment(db, 'hero-headline'))?.status).toBe('stopped');
  });

  it('keeps the first assignment of a user', async () => {
    await insertExperiment(db, plan);
    expect(await findAssignment(db, 'exp-1', 'user-hash')).toBeUndefined();
    expect(await saveAssignment(db, 'exp-1', 'user-hash', 'b')).toBe('b');
    expect(await saveAssignment(db, 'exp-1', 'user-hash', 'a')).toBe('b');
    expect(await findAssignment(db, 'exp-1', 'user-hash')).toBe('b');
  });

  it('appends events and counts distinct users per variant', async () => {
    await insertExperiment(db, plan);
    const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));
    await insertEvents(db, 'exp-1', [
      { variant: 'a', userHash: 'u1', kind: 'impression', value: null, at: at(2) },
      { variant: 'a', userHash: 'u1', kind: 'conversion', value: null, at: at(2) },
      { variant: 'a', userHash: 'u1', kind: 'conversion', value: null, at: at(3) },
      { variant: 'a', userHash: 'u2', kind: 'impression', value: null, at: at(1) },
      { variant: 'b', userHash: 'u3', kind: 'revenue', value: 12.5, at: at(4) },
    ]);
    await insertEvents(db, 'exp-1', []);

    const events = await experimentEvents(db, 'exp-1');
    expect(events.map((event) => event.userHash)).toEqual(['u2', 'u1', 'u1', 'u1', 'u3']);
    expect(events[4]).toEqual({
      variant: 'b',
      userHash: 'u3',
      kind: 'revenue',
      value: 12.5,
      at: at(4),
    });
    expect(await variantUserCounts(db, 'exp-1', 'conversion')).toEqual([
      { variant: 'a', users: 2, successes: 1 },
      { variant: 'b', users: 1, successes: 0 },
    ]);
  });

  it('rejects an unknown event kind', async () => {
    await insertExperiment(db, plan);
    const bad = { variant: 'a', userHash: 'u', kind: 'view', value: null, at: new Date() };
    await expect(insertEvents(db, 'exp-1', [bad as never])).rejects.toThrow();
  });
});
