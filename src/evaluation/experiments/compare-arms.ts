import { bootstrapMeanDifference, mean } from './bootstrap.js';
import { inverseNormalCdf, normalSurvival } from './normal.js';
import { twoProportionZTest } from './proportions.js';
import type { ArmSnapshot } from './user-outcomes.js';

/** One treatment arm against the control at one moment. */
export interface ArmComparison {
  variant: string;
  control: string;
  /** Treatment minus control: rate difference, or revenue per user difference. */
  absoluteUplift: number;
  /** absoluteUplift / control value; null when the control value is 0. */
  relativeUplift: number | null;
  interval: { lower: number; upper: number; level: number };
  /** The test statistic the sequential rule compares with its boundary. */
  zStatistic: number;
  /** Two-sided p-value of zStatistic (for revenue, of the Welch z: a normal approximation). */
  pValue: number;
  method: 'two-proportion-z' | 'bootstrap-mean-difference' | 'welch-normal-mean-difference';
}

export interface CompareOptions {
  metric: 'conversion' | 'click' | 'revenue';
  /** Interval level, default 0.95. */
  confidence?: number;
  /** Bootstrap resamples for revenue, default 2000. */
  resamples?: number;
  /**
   * Revenue interval: `bootstrap` (default) or the faster `normal` Welch interval, used for
   * the day-by-day series where a bootstrap per day would cost too much on large experiments.
   */
  revenueInterval?: 'bootstrap' | 'normal';
  seed?: number;
}

function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const centre = mean(values);
  return values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1);
}

/**
 * Compares a treatment arm with the control. Rates use the two-proportion z-test and its Wald
 * interval; revenue uses a percentile bootstrap interval for the difference in revenue per
 * user (or the Welch normal interval on request), and a Welch z (difference over its unpooled
 * standard error) for the sequential rule.
 * Returns undefined while either arm has no users.
 */
export function compareArms(
  control: ArmSnapshot,
  treatment: ArmSnapshot,
  options: CompareOptions,
): ArmComparison | undefined {
  const { confidence = 0.95, resamples = 2000, seed = 1 } = options;
  if (control.users === 0 || treatment.users === 0) return undefined;

  if (options.metric !== 'revenue') {
    const test = twoProportionZTest(
      { conversions: control.successes, visitors: control.users },
      { conversions: treatment.successes, visitors: treatment.users },
      confidence,
    );
    return {
      variant: treatment.variant,
      control: control.variant,
      absoluteUplift: test.absoluteUplift,
      relativeUplift: Number.isNaN(test.relativeUplift) ? null : test.relativeUplift,
      interval: test.confidenceInterval,
      zStatistic: test.zStatistic,
      pValue: test.pValue,
      method: 'two-proportion-z',
    };
  }

  const controlMean = mean(control.revenuePerUser);
  const difference = mean(treatment.revenuePerUser) - controlMean;
  const standardError = Math.sqrt(
    variance(control.revenuePerUser) / control.users +
      variance(treatment.revenuePerUser) / treatment.users,
  );
  const zStatistic = standardError === 0 ? 0 : difference / standardError;
  const common = {
    variant: treatment.variant,
    control: control.variant,
    absoluteUplift: difference,
    relativeUplift: controlMean === 0 ? null : difference / controlMean,
    zStatistic,
    pValue: Math.min(1, 2 * normalSurvival(Math.abs(zStatistic))),
  };
  if (options.revenueInterval === 'normal') {
    const margin = inverseNormalCdf(1 - (1 - confidence) / 2) * standardError;
    return {
      ...common,
      interval: { lower: difference - margin, upper: difference + margin, level: confidence },
      method: 'welch-normal-mean-difference',
    };
  }
  const bootstrap = bootstrapMeanDifference(control.revenuePerUser, treatment.revenuePerUser, {
    confidence,
    resamples,
    seed,
  });
  return {
    ...common,
    interval: { lower: bootstrap.lower, upper: bootstrap.upper, level: confidence },
    method: 'bootstrap-mean-difference',
  };
}
