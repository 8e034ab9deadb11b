import { describe, expect, it } from 'vitest';
import { analyseExperiment, type ExperimentPlan } from './analyse-experiment.js';
import { createSeededRandom } from './random.js';
import type { OutcomeEvent } from './user-outcomes.js';

const start = new Date('2026-11-02T00:00:00Z');
const dayMs = 86_400_000;

const plan: ExperimentPlan = {
  name: 'hero',
  variants: [{ name: 'a' }, { name: 'b' }],
  metric: 'conversion',
  alpha: 0.05,
  sampleSizePerArm: 2000,
  minRunDays: 7,
  createdAt: start,
};

/** Seeded traffic: `perDay` users per arm and day, converting at each arm's rate. */
function traffic(rates: Record<string, number>, days: number, perDay: number, seed = 7) {
  const random = createSeededRandom(seed);
  const events: OutcomeEvent[] = [];
  for (let day = 0; day < days; day += 1) {
    for (const [variant, rate] of Object.entries(rates)) {
      for (let index = 0; index < perDay; index += 1) {
        const userHash = `${variant}-${day}-${index}`;
        const at = new Date(start.getTime() + day * dayMs + 1000 * index);
        events.push({ variant, userHash, kind: 'impression', value: null, at });
        if (random() < rate)
          events.push({ variant, userHash, kind: 'conversion', value: null, at });
      }
    }
  }
  return events;
}

const after = (days: number) => new Date(start.getTime() + days * dayMs);

describe('analyseExperiment', () => {
  it('declares the better variant the winner once the minimum run time has passed', () => {
    const events = traffic({ a: 0.1, b: 0.2 }, 10, 200);
    const analysis = analyseExperiment(plan, events, { now: after(10) });

    expect(analysis.decision).toMatchObject({ action: 'stop', winner: 'b' });
    expect(analysis.decision.message).toBe('stop: b wins');
    expect(analysis.variants.map((variant) => variant.users)).toEqual([2000, 2000]);
    const [comparison] = analysis.comparisons;
    expect(comparison!.absoluteUplift).toBeGreaterThan(0.05);
    expect(comparison!.interval.lower).toBeGreaterThan(0);
    expect(analysis.look!.informationFraction).toBe(1);
    expect(analysis.look!.look).toBe(10);
  });

  it('keeps running before the minimum run time even when the boundary is crossed', () => {
    const events = traffic({ a: 0.05, b: 0.3 }, 3, 200);
    const analysis = analyseExperiment(plan, events, { now: after(3) });

    expect(analysis.decision.action).toBe('keep-running');
    expect(analysis.decision.reason).toBe('minimum-days-not-reached');
    expect(analysis.decision.message).toContain('day 3 of at least 7');
    expect(analysis.decision.message).toContain('boundary is crossed');
  });

  it('demands more evidence at an early look than at the planned end', () => {
    const early = analyseExperiment(plan, traffic({ a: 0.1, b: 0.1 }, 8, 50), { now: after(8) });
    const late = analyseExperiment(plan, traffic({ a: 0.1, b: 0.1 }, 8, 250), { now: after(8) });

    expect(early.look!.informationFraction).toBeCloseTo(0.2, 10);
    expect(early.look!.zBoundary).toBeGreaterThan(late.look!.zBoundary);
    expect(late.look!.zBoundary).toBeGreaterThan(1.96);
    expect(early.decision.message).toBe('keep running: 20% of the planned sample, no winner yet');
  });

  it('counts users once, ignores events after the look and plots one point per day', () => {
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
    const events: OutcomeEvent[] = [
      { variant: 'a', userHash: 'u1', kind: 'impression', value: null, at: at(1) },
      { variant: 'a', userHash: 'u1', kind: 'conversion', value: null, at: at(2) },
      { variant: 'a', userHash: 'u1', kind: 'conversion', value: null, at: at(30) },
      { variant: 'a', userHash: 'u2', kind: 'impression', value: null, at: at(3) },
      { variant: 'b', userHash: 'u3', kind: 'impression', value: null, at: at(4) },
      { variant: 'b', userHash: 'u4', kind: 'conversion', value: null, at: at(40) },
      { variant: 'b', userHash: 'u5', kind: 'conversion', value: null, at: at(80) },
    ];
    const analysis = analyseExperiment(plan, events, { now: at(48) });

    expect(analysis.variants).toMatchObject([
      { variant: 'a', users: 2, successes: 1, rate: 0.5 },
      { variant: 'b', users: 2, successes: 1, rate: 0.5 },
    ]);
    expect(analysis.daily.map((point) => [point.day, point.absoluteUplift])).toEqual([
      [1, -0.5],
      [2, 0],
    ]);
    expect(analysis.daily[1]!.until).toBe(at(48).toISOString());
  });

  it('compares revenue per user with a bootstrap interval', () => {
    const events: OutcomeEvent[] = [];
    const random = createSeededRandom(3);
    for (let index = 0; index < 400; index += 1) {
      for (const [variant, mean] of [
        ['a', 2],
        ['b', 3],
      ] as const) {
        const userHash = `${variant}${index}`;
        const at = new Date(start.getTime() + index * 60_000);
        events.push({ variant, userHash, kind: 'impression', value: null, at });
        if (random() < 0.3) {
          events.push({
            variant,
            userHash,
            kind: 'revenue',
            value: (mean / 0.3) * 2 * random(),
            at,
          });
        }
      }
    }
    const analysis = analyseExperiment({ ...plan, metric: 'revenue' }, events, {
      now: after(1),
      resamples: 500,
    });
    const [comparison] = analysis.comparisons;
    const [a, b] = analysis.variants;

    expect(comparison!.method).toBe('bootstrap-mean-difference');
    expect(comparison!.absoluteUplift).toBeCloseTo(b!.revenuePerUser! - a!.revenuePerUser!, 10);
    expect(comparison!.interval.lower).toBeLessThan(comparison!.absoluteUplift);
    expect(comparison!.interval.upper).toBeGreaterThan(comparison!.absoluteUplift);
    expect(a!.successes).toBeGreaterThan(80);
    // The day-by-day series uses the Welch normal interval; it should agree with the bootstrap.
    const daily = analysis.daily.at(-1)!;
    const width = comparison!.interval.upper - comparison!.interval.lower;
    expect(daily.absoluteUplift).toBeCloseTo(comparison!.absoluteUplift, 10);
    expect(Math.abs(daily.upper - daily.lower - width)).toBeLessThan(0.15 * width);

    const large = analyseExperiment({ ...plan, metric: 'revenue' }, events, {
      now: after(1),
      bootstrapMaxUsers: 100,
    });
    expect(large.comparisons[0]!.method).toBe('welch-normal-mean-difference');
    expect(large.comparisons[0]!.interval.upper).toBeCloseTo(daily.upper, 10);
  });

  it('lets the control win when every treatment is significantly worse', () => {
    const threeArms = { ...plan, variants: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] };
    const events = traffic({ a: 0.3, b: 0.1, c: 0.12 }, 8, 250);
    const analysis = analyseExperiment(threeArms, events, { now: after(8) });

    expect(analysis.look!.alpha).toBeCloseTo(0.025, 12);
    expect(analysis.decision.message).toBe('stop: a wins');
  });

  it('waits for data in every arm', () => {
    const events = traffic({ a: 0.1 }, 2, 10);
    const analysis = analyseExperiment(plan, events, { now: after(9) });
    expect(analysis.decision.reason).toBe('no-data');
    expect(analysis.comparisons).toEqual([]);
  });
});
