/** A source of uniform numbers in [0, 1). `Math.random` fits, as does `createSeededRandom`. */
export type Random = () => number;

/**
 * A small, fast seeded generator (mulberry32: a 32-bit state advanced by a Weyl step and
 * scrambled by two multiply-xorshift rounds), so generated data, simulations and tests are
 * the same on every run. Not for cryptography.
 */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
