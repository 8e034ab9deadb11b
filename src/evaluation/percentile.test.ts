import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.js';

describe('percentile (nearest rank)', () => {
  const values = [15, 20, 35, 40, 50];

  it('takes the value at rank ceil(p/100 × n) of the sorted list', () => {
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it('sorts its input without changing it', () => {
    const unsorted = [40, 15, 50, 20, 35];
    expect(percentile(unsorted, 95)).toBe(50);
    expect(unsorted).toEqual([40, 15, 50, 20, 35]);
  });

  it('gives the smallest value at p = 0, NaN for no values, and rejects p outside 0–100', () => {
    expect(percentile(values, 0)).toBe(15);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('on 20 values takes the 10th for p50 and the 19th for p95', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(twenty, 50)).toBe(10);
    expect(percentile(twenty, 95)).toBe(19);
  });
});
