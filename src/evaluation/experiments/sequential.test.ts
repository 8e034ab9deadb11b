import { describe, expect, it } from 'vitest';
import type { ArmComparison } from './compare-arms.js';
import { twoProportionZTest } from './proportions.js';
import { createSeededRandom, sampleStandardNormal, type Random } from './random.js';
import { currentLook, decideExperiment } from './sequential-decision.js';
import { obrienFlemingSpending, sequentialBoundaries } from './sequential.js';

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

/**
 * Runs seeded A/A experiments with a look every day, the planned sample reached on the last
 * day; returns the false-positive rate of naive testing and of the product's stopping rule.
 */
function simulateAaExperiments(experiments: number, seed: number) {
  const random = createSeededRandom(seed);
  const fractions = Array.from({ length: days }, (_, index) => (index + 1) / days);
  // The boundaries depend only on the looks, so each day's look is built once.
  const looks = fractions.map((_, index) =>
    currentLook(fractions.slice(0, index + 1), {
      alpha: 0.05,
      comparisons: 1,
      elapsedDays: index + 1,
    }),
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
      const comparison = { variant: 'b', zStatistic, absoluteUplift: zStatistic } as ArmComparison;
      const decision = decideExperiment([comparison], looks[day - 1], {
        control: 'a',
        minRunDays: 3,
      });
      if (decision.reason === 'boundary-crossed') spendingStopped = true;
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
  it('starts strict and ends a little above the fixed-sample critical value', () => {
    const boundaries = sequentialBoundaries([1 / 3, 2 / 3, 1]);
    expect(boundaries.map((boundary) => boundary.look)).toEqual([1, 2, 3]);
    // All of α(1/3) is spent at look 1, so its boundary is z₀.₉₇₅·√3 = 3.394757.
    expect(boundaries[0]!.zBoundary).toBeCloseTo(3.394757, 4);
    // Lower than an independent test at the increment would need (2.42 and 2.12).
    expect(boundaries[1]!.zBoundary).toBeLessThan(2.42);
    expect(boundaries[2]!.zBoundary).toBeGreaterThan(1.96);
    expect(boundaries[2]!.zBoundary).toBeLessThan(2.05);
    expect(boundaries[2]!.cumulativeAlpha).toBeCloseTo(0.05, 12);
    const total = boundaries.reduce((sum, boundary) => sum + boundary.incrementalAlpha, 0);
    expect(total).toBeCloseTo(0.05, 12);
  });

  it('spends α in all over 14 daily looks, as Brownian paths under the null show', () => {
    const fractions = Array.from({ length: days }, (_, index) => (index + 1) / days);
    const boundaries = sequentialBoundaries(fractions).map((boundary) => boundary.zBoundary);
    const random = createSeededRandom(7);
    const paths = 100_000;
    let stopped = 0;
    for (let path = 0; path < paths; path += 1) {
      let score = 0;
      for (let look = 0; look < days; look += 1) {
        score += sampleStandardNormal(random) * Math.sqrt(1 / days);
        if (Math.abs(score) / Math.sqrt(fractions[look]!) >= boundaries[look]!) {
          stopped += 1;
          break;
        }
      }
    }
    // Standard error at 0.05 over 100,000 paths is 0.0007.
    expect(stopped / paths).toBeGreaterThan(0.047);
    expect(stopped / paths).toBeLessThan(0.053);
  });

  it('rejects fractions that do not increase within (0, 1]', () => {
    expect(() => sequentialBoundaries([0.5, 0.4])).toThrow(/look 2 has 0.4/);
    expect(() => sequentialBoundaries([1.2])).toThrow(/increase/);
  });
});

describe('currentLook', () => {
  const options = { alpha: 0.05, comparisons: 1, elapsedDays: 9 };

  it('counts days without new users, or with almost none, as the same look', () => {
    const look = currentLook([0.3, 0.3, 0.3004, 0.6, 0.60001], options);
    const plain = currentLook([0.3004, 0.60001], options);

    expect(look).toMatchObject({ look: 2, informationFraction: 0.60001 });
    expect(look?.zBoundary).toBeCloseTo(plain!.zBoundary, 10);
    expect(currentLook([0, 0], options)).toBeUndefined();
  });
});

describe('A/A simulation with daily peeking over 14 days', () => {
  it('inflates naive false positives while the stopping rule stays near 0.05', () => {
    const rates = simulateAaExperiments(1000, 2024);
    // Seed 2024: naive 0.209, the rule 0.052 (one standard error over 1,000 runs is 0.007).
    expect(rates.naive).toBeGreaterThan(0.1);
    expect(rates.alphaSpending).toBeLessThanOrEqual(0.06);
    expect(rates.alphaSpending).toBeGreaterThan(0.01);
  });
});
