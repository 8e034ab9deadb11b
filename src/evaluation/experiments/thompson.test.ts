import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './random.js';
import { chooseArm } from './thompson.js';

function countChoices(arms: Parameters<typeof chooseArm>[0], rounds: number, seed: number) {
  const random = createSeededRandom(seed);
  const counts = new Map<string, number>();
  for (let round = 0; round < rounds; round += 1) {
    const { name } = chooseArm(arms, random);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

describe('chooseArm', () => {
  it('mostly chooses a clearly better arm', () => {
    const arms = [
      { name: 'control', successes: 40, failures: 960 },
      { name: 'better', successes: 80, failures: 920 },
      { name: 'worse', successes: 20, failures: 980 },
    ];
    const counts = countChoices(arms, 2000, 5);
    expect((counts.get('better') ?? 0) / 2000).toBeGreaterThan(0.95);
  });

  it('splits evenly between arms with no data', () => {
    const arms = [
      { name: 'a', successes: 0, failures: 0 },
      { name: 'b', successes: 0, failures: 0 },
    ];
    const share = (countChoices(arms, 4000, 11).get('a') ?? 0) / 4000;
    expect(share).toBeGreaterThan(0.46);
    expect(share).toBeLessThan(0.54);
  });

  it('is reproducible with the same seed and learns in a simulated bandit', () => {
    const arms = [
      { name: 'a', successes: 3, failures: 5 },
      { name: 'b', successes: 4, failures: 4 },
    ];
    expect(chooseArm(arms, createSeededRandom(3))).toEqual(chooseArm(arms, createSeededRandom(3)));

    const trueRates = [0.05, 0.1];
    const state = trueRates.map((_, index) => ({
      name: `arm-${index}`,
      successes: 0,
      failures: 0,
    }));
    const random = createSeededRandom(17);
    for (let round = 0; round < 3000; round += 1) {
      const { index } = chooseArm(state, random);
      if (random() < trueRates[index]!) state[index]!.successes += 1;
      else state[index]!.failures += 1;
    }
    const plays = state.map((arm) => arm.successes + arm.failures);
    expect(plays[1]!).toBeGreaterThan(plays[0]! * 2);
  });

  it('rejects an empty arm list and negative counts', () => {
    const random = createSeededRandom(1);
    expect(() => chooseArm([], random)).toThrow(/at least one arm/);
    expect(() => chooseArm([{ name: 'x', successes: -1, failures: 0 }], random)).toThrow(/x/);
  });
});
