import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from './proportions.js';
import { createSeededRandom, type Random } from './random.js';
import { canStop, obrienFlemingSpending, sequentialBoundaries } from './sequential.js';

const days = 14;
const dailyVisitorsPerArm = 200;
const conversionRate = 0.1;

function conversionsToday(random: Random): number {
  let conversions = 0;
  for (let visitor = 0; visitor < dailyVisitorsPerArm; visitor += 1) {
    if (random() < conversionRate) conversions += 1;
  }
  return conversions;
}

/** Runs seeded A/A experiments with a look every day; returns each rule's false-positive rate. */
function simulateAaExperiments(experiments: number, seed: number) {
  const random = createSeededRandom(seed);
  const boundaries = sequentialBoundaries(
    Array.from({ length: days }, (_, index) => (index + 1) / days),
  );
  let naiveFalsePositives = 0;
  let spendingFalsePositives = 0;

  for (let experiment = 0; experiment < experiments; experiment += 1) {
    const control = { conversions: 0, visitors: 0 };
    const treatment = { conversions: 0, visitors: 0 };
    let naiveStopped = false;
    let spendingStopped = false;
    for (let day = 1; day <= days; day += 1) {
      control.conversions += conversionsToday(random);
      treatment.conversions += conversionsToday(random);
      control.visitors += dailyVisitorsPerArm;
      treatment.visitors += dailyVisitorsPerArm;
      const { zStatistic, pValue } = twoProportionZTest(control, treatment);
      if (pValue < 0.05) naiveStopped = true;
      const zBoundary = boundaries[day - 1]!.zBoundary;
      if (canStop({ day, zStatistic, zBoundary }, { minDays: 3 }).stop) spendingStopped = true;
    }
    if (naiveStopped) naiveFalsePositives += 1;
    if (spendingStopped) spendingFalsePositives += 1;
  }
  return {
    naive: naiveFalsePositives / experiments,
    alphaSpending: spendingFalsePositives / experiments,
  };
}

describe('obrienFlemingSpending', () => {
  it('spends almost nothing early and exactly α at the end', () => {
    expect(obrienFlemingSpending(0)).toBe(0);
    expect(obrienFlemingSpending(1)).toBeCloseTo(0.05, 12);
    // α(0.5) = 2 − 2Φ(1.959964·√2 = 2.771808) = 0.005575.
    expect(obrienFlemingSpending(0.5)).toBeCloseTo(0.005575, 6);
    expect(obrienFlemingSpending(0.1)).toBeLessThan(1e-6);
  });
});

describe('sequentialBoundaries', () => {
  it('starts strict and ends near the fixed-sample critical value', () => {
    const boundaries = sequentialBoundaries([1 / 3, 2 / 3, 1]);
    expect(boundaries.map((boundary) => boundary.look)).toEqual([1, 2, 3]);
    // All of α(1/3) is spent at look 1, so its boundary is z₀.₉₇₅·√3 = 3.394757.
    expect(boundaries[0]!.zBoundary).toBeCloseTo(3.394757, 5);
    expect(boundaries[1]!.zBoundary).toBeGreaterThan(2.4);
    expect(boundaries[2]!.zBoundary).toBeGreaterThan(2.1);
    expect(boundaries[2]!.cumulativeAlpha).toBeCloseTo(0.05, 12);
    const total = boundaries.reduce((sum, boundary) => sum + boundary.incrementalAlpha, 0);
    expect(total).toBeCloseTo(0.05, 12);
  });

  it('rejects fractions that do not increase within (0, 1]', () => {
    expect(() => sequentialBoundaries([0.5, 0.4])).toThrow(/look 2 has 0.4/);
    expect(() => sequentialBoundaries([1.2])).toThrow(/increase/);
  });
});

describe('canStop', () => {
  it('waits for the minimum run time, then stops only beyond the boundary', () => {
    expect(canStop({ day: 2, zStatistic: 9, zBoundary: 3 }, { minDays: 7 })).toEqual({
      stop: false,
      reason: 'minimum-days-not-reached',
    });
    expect(canStop({ day: 7, zStatistic: -3.2, zBoundary: 3 }, { minDays: 7 }).stop).toBe(true);
    expect(canStop({ day: 8, zStatistic: 2.5, zBoundary: 3 }, { minDays: 7 }).reason).toBe(
      'continue',
    );
  });
});

describe('A/A simulation with daily peeking over 14 days', () => {
  it('inflates naive false positives while alpha spending stays near 0.05', () => {
    const rates = simulateAaExperiments(1000, 2024);
    // Recorded with seed 2024: naive 0.209, alpha spending 0.017 (conservative by design).
    expect(rates.naive).toBeGreaterThan(0.1);
    expect(rates.alphaSpending).toBeLessThanOrEqual(0.06);
    expect(rates.alphaSpending).toBeGreaterThan(0);
  });
});
