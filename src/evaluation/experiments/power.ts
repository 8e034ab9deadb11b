import { inverseNormalCdf } from './normal.js';

export interface SampleSizeOptions {
  /** Conversion rate of the control, in (0, 1). */
  baselineRate: number;
  /** Smallest absolute change worth detecting, e.g. 0.02 for +2 percentage points. */
  minimumDetectableEffect: number;
  /** Two-sided significance level, default 0.05. */
  alpha?: number;
  /** Probability of detecting the effect when it is real (1 − β), default 0.8. */
  power?: number;
}

/**
 * Visitors needed in each of two equal arms to detect an absolute change in a conversion rate
 * with a two-sided two-proportion z-test:
 * n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², rounded up,
 * where p̄ is the mean of the two rates.
 * @example sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0.02 }) // 3841
 */
export function sampleSizePerArm(options: SampleSizeOptions): number {
  const { baselineRate, minimumDetectableEffect, alpha = 0.05, power = 0.8 } = options;
  const treatmentRate = baselineRate + minimumDetectableEffect;
  if (!(baselineRate > 0 && baselineRate < 1 && treatmentRate > 0 && treatmentRate < 1)) {
    throw new RangeError(
      `baseline ${baselineRate} plus effect ${minimumDetectableEffect} must stay inside (0, 1)`,
    );
  }
  if (minimumDetectableEffect === 0) {
    throw new RangeError('a minimum detectable effect of 0 needs infinitely many visitors');
  }
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) {
    throw new RangeError(`alpha ${alpha} and power ${power} must lie strictly between 0 and 1`);
  }

  const meanRate = (baselineRate + treatmentRate) / 2;
  const nullTerm = inverseNormalCdf(1 - alpha / 2) * Math.sqrt(2 * meanRate * (1 - meanRate));
  const alternativeTerm =
    inverseNormalCdf(power) *
    Math.sqrt(baselineRate * (1 - baselineRate) + treatmentRate * (1 - treatmentRate));
  // A tiny tolerance keeps an exact integer result from being pushed up by rounding error.
  return Math.ceil((nullTerm + alternativeTerm) ** 2 / minimumDetectableEffect ** 2 - 1e-9);
}
