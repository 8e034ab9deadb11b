/**
 * Seeded random numbers and the few distributions the experiment statistics draw from.
 * Everything takes a `Random` so that tests and simulations are reproducible.
 * @module
 */

import { createSeededRandom, type Random } from '../../core/seeded-random.js';

export { createSeededRandom, type Random };

/** One standard normal draw by the Box–Muller transform. */
export function sampleStandardNormal(random: Random): number {
  // 1 - u keeps the logarithm away from zero.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}

/**
 * One Gamma(shape, 1) draw by Marsaglia and Tsang's squeeze method. Shapes below 1 are drawn as
 * Gamma(shape + 1) scaled by U^(1/shape), which is the standard boost for that range.
 */
export function sampleGamma(shape: number, random: Random): number {
  if (!(shape > 0)) throw new RangeError(`Gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  }

  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleStandardNormal(random);
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Beta(alpha, beta) draw as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, random: Random): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}
