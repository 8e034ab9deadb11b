import { describe, expect, it } from 'vitest';
import { assignVariant, assignmentPoint } from './assignment.js';

describe('assignVariant', () => {
  const variants = [
    { name: 'control', weight: 50 },
    { name: 'headline-b', weight: 30 },
    { name: 'headline-c', weight: 20 },
  ];

  it('gives the same user the same variant every time', () => {
    for (let user = 0; user < 200; user += 1) {
      const first = assignVariant('exp-1', `user-${user}`, variants);
      expect(assignVariant('exp-1', `user-${user}`, variants)).toBe(first);
    }
  });

  it('splits 100k users within ±2 points of the weights', () => {
    const counts = new Map<string, number>();
    const users = 100_000;
    for (let user = 0; user < users; user += 1) {
      const name = assignVariant('exp-1', `user-${user}`, variants);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const variant of variants) {
      const share = (counts.get(variant.name) ?? 0) / users;
      expect(Math.abs(share - variant.weight / 100)).toBeLessThan(0.02);
    }
  });

  it('buckets users independently per experiment', () => {
    let same = 0;
    for (let user = 0; user < 2000; user += 1) {
      const a = assignmentPoint('exp-a', `user-${user}`) < 0.5;
      const b = assignmentPoint('exp-b', `user-${user}`) < 0.5;
      if (a === b) same += 1;
    }
    expect(same / 2000).toBeGreaterThan(0.45);
    expect(same / 2000).toBeLessThan(0.55);
  });

  it('never assigns a zero-weight variant and rejects unusable weights', () => {
    const withZero = [
      { name: 'off', weight: 0 },
      { name: 'on', weight: 1 },
    ];
    for (let user = 0; user < 500; user += 1) {
      expect(assignVariant('exp', `u${user}`, withZero)).toBe('on');
    }
    expect(() => assignVariant('exp', 'u', [])).toThrow(/at least one variant/);
    expect(() =>
      assignVariant('exp', 'u', [
        { name: 'x', weight: -1 },
        { name: 'y', weight: 2 },
      ]),
    ).toThrow(/weight -1/);
  });
});
