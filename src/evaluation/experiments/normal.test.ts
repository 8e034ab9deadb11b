import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf, normalSurvival } from './normal.js';

// Reference values: Φ(x) = ½·erfc(−x/√2), from published tables to 16 digits.
const table: Array<[number, number]> = [
  [0, 0.5],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [-1.6448536269514722, 0.05],
  [2.5758293035489004, 0.995],
  [-3, 0.0013498980316301],
  [4, 0.9999683287581669],
];

describe('normalCdf', () => {
  it.each(table)('Φ(%s) = %s to 1e-12', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-12);
  });

  it('keeps relative precision far in the tail', () => {
    // Q(6) = 9.865876450377e-10, Q(10) = 7.6198530241605e-24.
    expect(Math.abs(normalSurvival(6) / 9.865876450377e-10 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-9);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1', () => {
    for (let x = -8; x <= 8; x += 0.37) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
    }
  });
});

describe('inverseNormalCdf', () => {
  it('gives the familiar critical values to 1e-9', () => {
    expect(Math.abs(inverseNormalCdf(0.975) - 1.959963984540054)).toBeLessThan(1e-9);
    expect(Math.abs(inverseNormalCdf(0.95) - 1.6448536269514722)).toBeLessThan(1e-9);
    expect(Math.abs(inverseNormalCdf(0.8) - 0.8416212335729143)).toBeLessThan(1e-9);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('inverts normalCdf across the range, tails included', () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.03, 0.3, 0.7, 0.97, 0.999, 1 - 1e-9]) {
      const z = inverseNormalCdf(p);
      const back = p < 0.5 ? normalCdf(z) : normalSurvival(z);
      const target = p < 0.5 ? p : 1 - p;
      expect(Math.abs(back / target - 1)).toBeLessThan(1e-9);
    }
  });

  it('maps the end points to infinities and rejects values outside [0, 1]', () => {
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(() => inverseNormalCdf(1.5)).toThrow(/outside/);
  });
});
