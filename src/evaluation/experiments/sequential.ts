/**
 * Protection against peeking: group-sequential boundaries from an O'Brien–Fleming-type
 * Lan–DeMets alpha-spending function, plus a minimum-run-time rule.
 *
 * The boundaries are a documented conservative approximation: the alpha newly spent at each
 * look, α(t_k) − α(t_{k−1}), is treated as the two-sided level of an independent test. By the
 * union bound the chance of any false stop is then at most Σ(α(t_k) − α(t_{k−1})) = α(t_K) ≤ α,
 * so the rule never spends more than α; it spends slightly less than exact boundaries computed
 * by recursive numerical integration would, because successive looks are positively correlated.
 * @module
 */
import { inverseNormalCdf, normalSurvival } from './normal.js';

/**
 * O'Brien–Fleming-type spending: α(t) = 2 − 2Φ(z₁₋α/₂ / √t), the cumulative two-sided alpha
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
  /** α(t_k) − α(t_{k−1}), the two-sided nominal level of this look's test. */
  incrementalAlpha: number;
  /** Stop for significance when |z| ≥ this value. */
  zBoundary: number;
}

/**
 * Nominal per-look boundaries for planned looks at increasing information fractions (for equal
 * daily traffic over D days: day / D). The last fraction is normally 1.
 * @example sequentialBoundaries([1 / 3, 2 / 3, 1]) // zBoundary ≈ 3.39, 2.42, 2.12
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
  return informationFractions.map((informationFraction, index) => {
    const cumulativeAlpha = obrienFlemingSpending(informationFraction, alpha);
    const incrementalAlpha = Math.max(0, cumulativeAlpha - spent);
    spent = cumulativeAlpha;
    const zBoundary =
      incrementalAlpha === 0 ? Infinity : inverseNormalCdf(1 - incrementalAlpha / 2);
    return { look: index + 1, informationFraction, cumulativeAlpha, incrementalAlpha, zBoundary };
  });
}

/** What is known at one look of a running experiment. */
export interface Look {
  /** Whole days the experiment has run so far. */
  day: number;
  /** Current test statistic, e.g. from `twoProportionZTest`. */
  zStatistic: number;
  /** The boundary planned for this look, from `sequentialBoundaries`. */
  zBoundary: number;
}

export interface StopDecision {
  stop: boolean;
  reason: 'minimum-days-not-reached' | 'boundary-crossed' | 'continue';
}

/**
 * Whether an experiment may stop for significance at this look: only once it has run
 * `minDays` (so weekly cycles and novelty effects are seen) and only when |z| reaches the
 * look's boundary.
 */
export function canStop(look: Look, options: { minDays: number }): StopDecision {
  if (look.day < options.minDays) return { stop: false, reason: 'minimum-days-not-reached' };
  if (Math.abs(look.zStatistic) >= look.zBoundary)
    return { stop: true, reason: 'boundary-crossed' };
  return { stop: false, reason: 'continue' };
}
