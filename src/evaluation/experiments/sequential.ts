/**
 * Protection against peeking: group-sequential boundaries from an O'Brien–Fleming-type
 * Lan–DeMets alpha-spending function. Each look's boundary is exact: found by recursive
 * numerical integration so that, among the paths that have not stopped yet, the chance of
 * crossing at that look under the null hypothesis is the alpha newly spent there. The chance
 * of any false stop over all looks is then α(t_K), which is α once the planned sample is in.
 * @module
 */
import { integratedBoundaries } from './boundary-integration.js';
import { inverseNormalCdf, normalSurvival } from './normal.js';

/**
 * O'Brien-Fleming-type spending: α(t) = 2 - 2Φ(z_(1-α/2) / √t), the cumulative two-sided alpha
 * allowed to be spent by information fraction t ∈ [0, 1]. Almost nothing is spent early and
 * α(1) = α.
 */
export function obrienFlemingSpending(informationFraction: number, alpha = 0.05): number {
  if (!(informationFraction >= 0 && informationFraction <= 1)) {
    throw new RangeError(`information fraction ${informationFraction} is outside [0, 1]`);
  }
  if (informationFraction === 0) return 0;
  return 2 * normalSurvival(inverseNormalCdf(1 - alpha / 2) / Math.sqrt(informationFraction));
}

/** The stopping boundary at one planned look. */
export interface LookBoundary {
  /** 1-based look number. */
  look: number;
  informationFraction: number;
  /** α(t) spent up to and including this look. */
  cumulativeAlpha: number;
  /** α(t_k) − α(t_{k−1}), the chance of a first false stop at this look. */
  incrementalAlpha: number;
  /** Stop for significance when |z| ≥ this value. */
  zBoundary: number;
}

/**
 * Boundaries for looks at increasing information fractions (for equal daily traffic over D
 * days: day / D). The last fraction is normally 1. The first look's boundary is the
 * fixed-sample value for α(t_1); later ones are lower than a test at α(t_k) − α(t_{k−1})
 * alone would need, because paths that would cross there mostly crossed earlier already.
 * @example sequentialBoundaries([1 / 3, 2 / 3, 1]) // zBoundary ≈ 3.395, 2.407, 2.015
 */
export function sequentialBoundaries(
  informationFractions: readonly number[],
  alpha = 0.05,
): LookBoundary[] {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha ${alpha} must lie in (0, 1)`);
  informationFractions.forEach((fraction, index) => {
    const previous = index === 0 ? 0 : informationFractions[index - 1]!;
    if (!(fraction > previous && fraction <= 1)) {
      throw new RangeError(
        `information fractions must increase within (0, 1]; look ${index + 1} has ${fraction}`,
      );
    }
  });

  let spent = 0;
  const looks = informationFractions.map((informationFraction, index) => {
    const cumulativeAlpha = obrienFlemingSpending(informationFraction, alpha);
    const incrementalAlpha = Math.max(0, cumulativeAlpha - spent);
    spent = cumulativeAlpha;
    return { look: index + 1, informationFraction, cumulativeAlpha, incrementalAlpha };
  });
  const boundaries = integratedBoundaries(
    informationFractions,
    looks.map((look) => look.incrementalAlpha),
  );
  return looks.map((look, index) => ({ ...look, zBoundary: boundaries[index]! }));
}
