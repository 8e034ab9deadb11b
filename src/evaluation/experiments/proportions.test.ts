import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from './proportions.js';

describe('twoProportionZTest', () => {
  it('matches a hand-computed example', () => {
    // 200/2000 = 10 % against 250/2000 = 12.5 %; pooled rate 450/4000 = 0.1125.
    // Pooled SE = √(0.1125·0.8875·(2/2000)) = 0.0099922; z = 0.025 / 0.0099922 = 2.50195.
    // Unpooled SE = √(0.09/2000 + 0.109375/2000) = 0.0099843; margin = 1.959964 · SE = 0.019569.
    const result = twoProportionZTest(
      { conversions: 200, visitors: 2000 },
      { conversions: 250, visitors: 2000 },
    );
    expect(result.controlRate).toBe(0.1);
    expect(result.treatmentRate).toBe(0.125);
    expect(result.absoluteUplift).toBeCloseTo(0.025, 12);
    expect(result.relativeUplift).toBeCloseTo(0.25, 12);
    expect(result.zStatistic).toBeCloseTo(2.50195, 4);
    // Two-sided p = 2·(1 − Φ(2.50195)) = 0.012352.
    expect(result.pValue).toBeCloseTo(0.012352, 5);
    expect(result.confidenceInterval.lower).toBeCloseTo(0.025 - 0.019569, 5);
    expect(result.confidenceInterval.upper).toBeCloseTo(0.025 + 0.019569, 5);
  });

  it('gives p = 1 for equal rates and a symmetric interval around 0', () => {
    const result = twoProportionZTest(
      { conversions: 50, visitors: 1000 },
      { conversions: 50, visitors: 1000 },
    );
    expect(result.zStatistic).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.confidenceInterval.lower).toBeCloseTo(-result.confidenceInterval.upper, 12);
  });

  it('widens the interval for a higher confidence level', () => {
    const counts = [
      { conversions: 30, visitors: 500 },
      { conversions: 45, visitors: 500 },
    ] as const;
    const narrow = twoProportionZTest(counts[0], counts[1], 0.9).confidenceInterval;
    const wide = twoProportionZTest(counts[0], counts[1], 0.99).confidenceInterval;
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower);
  });

  it('handles a zero control rate and rejects impossible counts', () => {
    const zero = twoProportionZTest(
      { conversions: 0, visitors: 10 },
      { conversions: 0, visitors: 10 },
    );
    expect(zero.relativeUplift).toBeNaN();
    expect(zero.pValue).toBe(1);
    expect(() =>
      twoProportionZTest({ conversions: 11, visitors: 10 }, { conversions: 1, visitors: 10 }),
    ).toThrow(/control has 11 conversions/);
    expect(() =>
      twoProportionZTest({ conversions: 1, visitors: 10 }, { conversions: 1, visitors: 10 }, 1),
    ).toThrow(/confidence/);
  });
});
