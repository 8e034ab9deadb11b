import { describe, expect, it } from 'vitest';
import { createSeededRandom, sampleBeta, sampleGamma, sampleStandardNormal } from './random.js';

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, variance };
}

function draw(count: number, sampler: () => number): number[] {
  return Array.from({ length: count }, sampler);
}

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const first = draw(1000, createSeededRandom(42));
    expect(draw(1000, createSeededRandom(42))).toEqual(first);
    expect(draw(5, createSeededRandom(43))).not.toEqual(first.slice(0, 5));
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(meanAndVariance(first).mean).toBeCloseTo(0.5, 1);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const random = createSeededRandom(1);
    const { mean, variance } = meanAndVariance(draw(50_000, () => sampleStandardNormal(random)));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });

  it.each([0.5, 1, 3, 20])('draws Gamma(%s) with mean and variance equal to the shape', (shape) => {
    const random = createSeededRandom(7);
    const { mean, variance } = meanAndVariance(draw(50_000, () => sampleGamma(shape, random)));
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.03);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.06);
  });

  it('draws Beta(2, 8) with mean 0.2', () => {
    const random = createSeededRandom(9);
    const { mean, variance } = meanAndVariance(draw(50_000, () => sampleBeta(2, 8, random)));
    expect(mean).toBeCloseTo(0.2, 2);
    // Var = αβ / ((α+β)²(α+β+1)) = 16 / 1100.
    expect(Math.abs(variance - 16 / 1100)).toBeLessThan(0.001);
  });

  it('refuses a non-positive Gamma shape', () => {
    expect(() => sampleGamma(0, createSeededRandom(1))).toThrow(/positive/);
  });
});
