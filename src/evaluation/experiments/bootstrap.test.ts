import { describe, expect, it } from 'vitest';
import { bootstrapMeanDifference } from './bootstrap.js';
import { createSeededRandom } from './random.js';

/** Revenue per user: 5 % buy, spending exponentially distributed around `averageOrder`. */
function revenue(users: number, averageOrder: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: users }, () =>
    random() < 0.05 ? -averageOrder * Math.log(1 - random()) : 0,
  );
}

describe('bootstrapMeanDifference', () => {
  it('covers the true difference of a synthetic revenue experiment', () => {
    // True means: 0.05·40 = 2.00 and 0.05·50 = 2.50, so the true difference is 0.50.
    const control = revenue(20_000, 40, 1);
    const treatment = revenue(20_000, 50, 2);
    const interval = bootstrapMeanDifference(control, treatment, { resamples: 500, seed: 3 });
    expect(interval.lower).toBeLessThan(0.5);
    expect(interval.upper).toBeGreaterThan(0.5);
    expect(interval.lower).toBeLessThan(interval.difference);
    expect(interval.upper).toBeGreaterThan(interval.difference);
  });

  it('is reproducible per seed and narrows at a lower level', () => {
    const control = revenue(2000, 40, 4);
    const treatment = revenue(2000, 40, 5);
    const first = bootstrapMeanDifference(control, treatment, { resamples: 300, seed: 9 });
    expect(bootstrapMeanDifference(control, treatment, { resamples: 300, seed: 9 })).toEqual(first);
    const narrow = bootstrapMeanDifference(control, treatment, {
      resamples: 300,
      seed: 9,
      confidence: 0.8,
    });
    expect(narrow.upper - narrow.lower).toBeLessThan(first.upper - first.lower);
  });

  it('rejects empty arms and bad options', () => {
    expect(() => bootstrapMeanDifference([], [1])).toThrow(/at least one user/);
    expect(() => bootstrapMeanDifference([1], [1], { resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapMeanDifference([1], [1], { confidence: 1 })).toThrow(/confidence/);
  });
});
