import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignVariant } from '../../evaluation/experiments/assignment.js';
import { sampleSizePerArm } from '../../evaluation/experiments/power.js';
import type { SqlClient } from '../../store/sql-client.js';
import { storeBackends } from '../../store/test-support/store-backends.js';
import { assignUser } from './assign-user.js';
import { createExperiment } from './create-experiment.js';
import { listExperiments } from '../../store/repositories/experiments-repository.js';
import { hashUser, requireExperiment } from './find-experiment.js';
import { eventLines, recordEvents, type EventInput } from './record-events.js';
import { buildExperimentReport, describeExperimentReport } from './report-experiment.js';
import { stopExperiment } from './stop-experiment.js';

const start = new Date('2026-11-02T00:00:00Z');
const atDay = (day: number, index = 0) =>
  new Date(start.getTime() + day * 86_400_000 + index * 1000).toISOString();

describe.each(storeBackends())('experiment commands on $name', (backend) => {
  let db: SqlClient;

  beforeEach(async () => {
    db = await backend.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('creates an experiment sized by power analysis and checks the plan', async () => {
    const created = await createExperiment(db, 'hero', { variants: 'a,b' }, start);
    expect(created).toMatchObject({ sampleSizePerArm: 3841, assignmentMode: 'hash' });
    expect(created.variants).toEqual([
      { name: 'a', weight: 1 },
      { name: 'b', weight: 1 },
    ]);
    const bandit = await createExperiment(db, 'subject', {
      variants: 'x,y,z',
      weights: '1,2,1',
      metric: 'revenue',
      mde: '0.05',
      baseline: '0.2',
      bandit: true,
    });
    expect(bandit).toMatchObject({ metric: 'revenue', assignmentMode: 'thompson' });
    const plan = { baselineRate: 0.2, minimumDetectableEffect: 0.05, power: 0.8 };
    expect(bandit.sampleSizePerArm).toBe(sampleSizePerArm({ ...plan, alpha: 0.025 }));
    expect(bandit.sampleSizePerArm).toBeGreaterThan(sampleSizePerArm({ ...plan, alpha: 0.05 }));

    const bad = [
      ['hero', { variants: 'a,b' }, /already exists/],
      ['solo', { variants: 'a' }, /at least two/],
      ['twice', { variants: 'a,a' }, /name twice/],
      ['weights', { variants: 'a,b', weights: '1' }, /one number of 0 or more per variant/],
      ['metric', { variants: 'a,b', metric: 'views' }, /--metric/],
      ['mde', { variants: 'a,b', mde: '0' }, /--mde must be a number between 0 and 1/],
      ['has space', { variants: 'a,b' }, /must be 1-100 letters/],
    ] as const;
    for (const [name, options, message] of bad) {
      await expect(createExperiment(db, name, options)).rejects.toMatchObject({
        code: 'USAGE',
        message: expect.stringMatching(message),
      });
    }
  });

  it('names the existing experiments when one is not found', async () => {
    await expect(requireExperiment(db, 'nope')).rejects.toMatchObject({
      code: 'EXPERIMENT_NOT_FOUND',
      message: expect.stringContaining('There are no experiments yet'),
    });
    await createExperiment(db, 'hero', { variants: 'a,b' });
    await createExperiment(db, 'cta', { variants: 'a,b' });
    await expect(assignUser(db, 'heros', 'u1')).rejects.toMatchObject({
      code: 'EXPERIMENT_NOT_FOUND',
      details: { name: 'heros', existing: ['cta', 'hero'] },
      message: expect.stringContaining('Existing experiments: cta, hero'),
    });
  });

  it('assigns by hash deterministically and in proportion to the weights', async () => {
    const experiment = await createExperiment(db, 'hero', { variants: 'a,b', weights: '1,3' });
    const first = await assignUser(db, 'hero', 'user-1');
    expect(await assignUser(db, 'hero', 'user-1')).toEqual({ ...first, existing: true });
    expect(first.variant).toBe(assignVariant(experiment.id, 'user-1', experiment.variants));

    const variants = Array.from({ length: 400 }, (_, index) =>
      assignVariant(experiment.id, `user-${index}`, experiment.variants),
    );
    const shareB = variants.filter((variant) => variant === 'b').length / variants.length;
    expect(shareB).toBeGreaterThan(0.68);
    expect(shareB).toBeLessThan(0.82);
  });

  it('sends most new users to the converting arm in bandit mode', async () => {
    await createExperiment(db, 'bandit', { variants: 'a,b', bandit: true });
    const history: EventInput[] = [];
    for (let index = 0; index < 40; index += 1) {
      history.push({ user: `old-a-${index}`, event: 'impression', variant: 'a' });
      history.push({ user: `old-b-${index}`, event: 'impression', variant: 'b' });
      if (index < 20) history.push({ user: `old-b-${index}`, event: 'conversion', variant: 'b' });
    }
    await recordEvents(db, 'bandit', history);

    const assigned = [];
    for (let index = 0; index < 20; index += 1) {
      assigned.push((await assignUser(db, 'bandit', `new-${index}`)).variant);
    }
    expect(assigned.filter((variant) => variant === 'b').length).toBeGreaterThanOrEqual(18);
    expect((await assignUser(db, 'bandit', 'new-0')).variant).toBe(assigned[0]);

    await expect(
      recordEvents(db, 'bandit', [{ user: 'stranger', event: 'click' }]),
    ).rejects.toMatchObject({ message: expect.stringContaining('never assigned') });
    await recordEvents(db, 'bandit', [{ user: 'new-3', event: 'click', at: atDay(1) }]);
    const rows = await db.query<{ variant: string }>(
      'select variant from experiment_events where user_hash = $1',
      [hashUser((await requireExperiment(db, 'bandit')).id, 'new-3')],
    );
    expect(rows).toEqual([{ variant: assigned[3] }]);
  });

  it('after a stop keeps assigned users in their arm and leaves new users out', async () => {
    await createExperiment(db, 'hero', { variants: 'a,b', weights: '0,1' }, start);
    const before = await assignUser(db, 'hero', 'early');
    expect(before.variant).toBe('b');

    expect(await stopExperiment(db, 'hero')).toEqual({ experiment: 'hero', wasRunning: true });
    expect(await stopExperiment(db, 'hero')).toEqual({ experiment: 'hero', wasRunning: false });

    expect(await assignUser(db, 'hero', 'early')).toMatchObject({ variant: 'b', existing: true });
    const late = await assignUser(db, 'hero', 'late');
    expect(late).toMatchObject({ variant: 'a', existing: false, outsideExperiment: true });
    const recorded = await recordEvents(db, 'hero', [
      { user: 'early', event: 'conversion', at: atDay(1) },
      { user: 'late', event: 'conversion', at: atDay(1) },
      { user: 'outside', event: 'click', at: atDay(1), variant: 'a' },
    ]);
    expect(recorded).toMatchObject({ recorded: 2, skipped: 1 });
    const [listed] = await listExperiments(db);
    expect(listed).toMatchObject({ name: 'hero', status: 'stopped', assignedUsers: 1 });
  });

  it('keeps users placed by hash when they only sent events, through a stop', async () => {
    await createExperiment(db, 'cta', { variants: 'a,b' }, start);
    await recordEvents(db, 'cta', [{ user: 'walk-in', event: 'impression', at: atDay(0) }]);
    await stopExperiment(db, 'cta');

    const later = await recordEvents(db, 'cta', [
      { user: 'walk-in', event: 'conversion', at: atDay(1) },
    ]);

    expect(later).toMatchObject({ recorded: 1, skipped: 0 });
    expect(await assignUser(db, 'cta', 'walk-in')).toMatchObject({ existing: true });
  });

  it('records events from JSON Lines all or nothing, naming a bad line', async () => {
    await createExperiment(db, 'hero', { variants: 'a,b' }, start);
    const folder = mkdtempSync(path.join(tmpdir(), 'markwerk-experiment-'));
    const good = path.join(folder, 'good.jsonl');
    const bad = path.join(folder, 'bad.jsonl');
    writeFileSync(
      good,
      [
        { user: 'u1', event: 'impression', at: atDay(0) },
        { user: 'u1', event: 'revenue', value: 12.5, at: atDay(0, 1) },
        { user: 2, event: 'click', at: '2026-11-02T10:00:00+01:00' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    writeFileSync(bad, `{"user":"u3","event":"impression"}\n{"user":"u3","event":"revenue"}\n`);

    expect(await recordEvents(db, 'hero', eventLines(good))).toEqual({
      experiment: 'hero',
      recorded: 3,
      byKind: { impression: 1, revenue: 1, click: 1 },
      skipped: 0,
    });
    await expect(recordEvents(db, 'hero', eventLines(bad))).rejects.toMatchObject({
      code: 'INPUT_MALFORMED',
      message: expect.stringMatching(/bad\.jsonl:2: value: a revenue event needs a value/),
    });
    await expect(
      recordEvents(db, 'hero', [{ user: 'u4', event: 'click', variant: 'c' }]),
    ).rejects.toMatchObject({ message: expect.stringContaining('not in experiment hero') });
    const [count] = await db.query<{ n: number }>(
      'select count(*)::int as n from experiment_events',
    );
    expect(count!.n).toBe(3);
  });

  it('reports counts, uplift and the sequential decision', async () => {
    await createExperiment(db, 'hero', { variants: 'a,b', mde: '0.1', minDays: '3' }, start);
    const events: EventInput[] = [];
    for (let day = 0; day < 4; day += 1) {
      for (let index = 0; index < 60; index += 1) {
        for (const [variant, converting] of [
          ['a', 6],
          ['b', 21],
        ] as const) {
          const user = `${variant}-${day}-${index}`;
          const at = atDay(day, index);
          events.push({ user, event: 'impression', at, variant });
          if (index < converting) events.push({ user, event: 'conversion', at, variant });
        }
      }
    }
    await recordEvents(db, 'hero', events);

    const early = await buildExperimentReport(db, 'hero', { now: new Date(atDay(2)) });
    expect(early.analysis.decision.message).toMatch(/^keep running: day 2 of at least 3/);
    const report = await buildExperimentReport(db, 'hero', { now: new Date(atDay(4)) });
    expect(report.analysis.variants).toMatchObject([
      { variant: 'a', users: 240, successes: 24, rate: 0.1 },
      { variant: 'b', users: 240, successes: 84, rate: 0.35 },
    ]);
    expect(report.analysis.decision.message).toBe('stop: b wins');
    expect(report.analysis.daily).toHaveLength(4);
    const text = describeExperimentReport(report);
    expect(text).toContain('b vs a: +25.00 pp (95% CI');
    expect(text).toContain('Decision: stop: b wins');
  });
});
