import type { ArmComparison } from './compare-arms.js';
import { sequentialBoundaries } from './sequential.js';

/** The look the decision was taken at. */
export interface CurrentLook {
  /** Days since the start, with fractions. */
  elapsedDays: number;
  /** Number of looks so far (one per day with new information, the current one included). */
  look: number;
  /** Smallest arm's users over the planned sample per arm, at most 1. */
  informationFraction: number;
  /** Alpha per comparison: the experiment's alpha split evenly over the treatment arms. */
  alpha: number;
  cumulativeAlpha: number;
  /** |z| needed now to stop for significance. */
  zBoundary: number;
}

export type DecisionReason =
  | 'no-data'
  | 'minimum-days-not-reached'
  | 'boundary-crossed'
  | 'planned-sample-reached'
  | 'continue';

export interface SequentialDecision {
  action: 'keep-running' | 'stop';
  /** The winning variant when a boundary was crossed. */
  winner: string | null;
  reason: DecisionReason;
  /** One line for people, e.g. "stop: b wins". */
  message: string;
}

/** Looks closer than this in information fraction count as one (see `currentLook`). */
const MIN_LOOK_STEP = 0.001;

/**
 * The current look's boundary: alpha is spent by O'Brien–Fleming-type spending over the
 * information fractions of every earlier look, so looking daily costs no extra false stops.
 * Looks whose fraction did not grow (no new users), or grew by less than 0.1 % of the planned
 * sample, are the same look again: the boundary integration needs distinct looks.
 * @param fractions the information fraction at the end of each day so far, the current one last
 */
export function currentLook(
  fractions: readonly number[],
  options: { alpha: number; comparisons: number; elapsedDays: number },
): CurrentLook | undefined {
  const increasing: number[] = [];
  for (const fraction of fractions) {
    const capped = Math.min(1, fraction);
    const previous = increasing.at(-1) ?? 0;
    if (capped >= previous + MIN_LOOK_STEP) increasing.push(capped);
    // Too close to the look before: that look moves up to this one's information.
    else if (capped > previous && increasing.length > 0) increasing[increasing.length - 1] = capped;
    else if (capped > 0 && increasing.length === 0) increasing.push(capped);
  }
  if (increasing.length === 0) return undefined;

  const alpha = options.alpha / Math.max(1, options.comparisons);
  const last = sequentialBoundaries(increasing, alpha).at(-1)!;
  return {
    elapsedDays: options.elapsedDays,
    look: last.look,
    informationFraction: last.informationFraction,
    alpha,
    cumulativeAlpha: last.cumulativeAlpha,
    zBoundary: last.zBoundary,
  };
}

/**
 * Stop or keep running. Nothing stops before `minRunDays`. After that a treatment whose |z|
 * reaches the boundary with a positive uplift wins (the largest such uplift if several do);
 * the control wins when every treatment crossed below it; at the planned sample with no
 * crossing the experiment stops without a winner.
 */
export function decideExperiment(
  comparisons: readonly ArmComparison[],
  look: CurrentLook | undefined,
  options: { control: string; minRunDays: number },
): SequentialDecision {
  if (!look || comparisons.length === 0) {
    return keepRunning('no-data', 'keep running: every variant needs users first');
  }
  const crossed = comparisons.filter((item) => Math.abs(item.zStatistic) >= look.zBoundary);
  const day = Math.floor(look.elapsedDays);
  if (look.elapsedDays < options.minRunDays) {
    const note = crossed.length > 0 ? '; a boundary is crossed, but wait for weekly cycles' : '';
    return keepRunning(
      'minimum-days-not-reached',
      `keep running: day ${day} of at least ${options.minRunDays}${note}`,
    );
  }

  const winners = crossed
    .filter((item) => item.zStatistic > 0)
    .sort((left, right) => right.absoluteUplift - left.absoluteUplift);
  if (winners[0]) return stop('boundary-crossed', winners[0].variant);
  if (crossed.length === comparisons.length) return stop('boundary-crossed', options.control);
  if (look.informationFraction >= 1) {
    return {
      action: 'stop',
      winner: null,
      reason: 'planned-sample-reached',
      message: 'stop: no significant difference at the planned sample size',
    };
  }
  const percent = Math.round(look.informationFraction * 100);
  return keepRunning('continue', `keep running: ${percent}% of the planned sample, no winner yet`);
}

function keepRunning(reason: DecisionReason, message: string): SequentialDecision {
  return { action: 'keep-running', winner: null, reason, message };
}

function stop(reason: DecisionReason, winner: string): SequentialDecision {
  return { action: 'stop', winner, reason, message: `stop: ${winner} wins` };
}
