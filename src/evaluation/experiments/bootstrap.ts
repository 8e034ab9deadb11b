import { createSeededRandom } from './random.js';

export interface BootstrapOptions {
  /** Number of resamples, default 2000. */
  resamples?: number;
  /** Interval level, default 0.95. */
  confidence?: number;
  /** Seed of the resampling generator, default 1. */
  seed?: number;
}

export interface BootstrapInterval {
  /** Observed mean(treatment) − mean(control). */
  difference: number;
  lower: number;
  upper: number;
  level: number;
  resamples: number;
}

/** The arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function resampledMean(values: readonly number[], random: () => number): number {
  let sum = 0;
  for (let draw = 0; draw < values.length; draw += 1) {
    sum += values[Math.floor(random() * values.length)]!;
  }
  return sum / values.length;
}

/**
 * Percentile bootstrap interval for the difference in mean revenue per user: each arm is
 * resampled with replacement on its own, and the interval is read off the (1−level)/2 and
 * (1+level)/2 percentiles of the resampled differences. Revenue is heavy-tailed and mostly zero,
 * which is why this does not lean on a normal approximation.
 */
export function bootstrapMeanDifference(
  control: readonly number[],
  treatment: readonly number[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const { resamples = 2000, confidence = 0.95, seed = 1 } = options;
  if (control.length === 0 || treatment.length === 0) {
    throw new RangeError('both arms need at least one user; pass revenue per user, zeros included');
  }
  if (!(Number.isInteger(resamples) && resamples >= 1)) {
    throw new RangeError(`resamples ${resamples} must be a positive whole number`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence ${confidence} must lie strictly between 0 and 1`);
  }

  const random = createSeededRandom(seed);
  const differences: number[] = [];
  for (let round = 0; round < resamples; round += 1) {
    differences.push(resampledMean(treatment, random) - resampledMean(control, random));
  }

  // The same whole number of resamples cut from each tail: with 2,000 at 95 %, 50 each, so the
  // bounds are the 51st smallest and the 51st largest difference.
  differences.sort((left, right) => left - right);
  const cut = Math.floor(((1 - confidence) / 2) * resamples + 1e-9);
  return {
    difference: mean(treatment) - mean(control),
    lower: differences[cut]!,
    upper: differences[resamples - 1 - cut]!,
    level: confidence,
    resamples,
  };
}
