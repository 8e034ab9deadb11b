import { compareArms, type ArmComparison } from './compare-arms.js';
import {
  currentLook,
  decideExperiment,
  type CurrentLook,
  type SequentialDecision,
} from './sequential-decision.js';
import {
  foldUserOutcomes,
  snapshotAt,
  type ArmSnapshot,
  type OutcomeEvent,
  type SuccessMetric,
} from './user-outcomes.js';

const DAY_MS = 86_400_000;

/** What the analysis needs to know of an experiment's plan. */
export interface ExperimentPlan {
  name: string;
  /** Arms in order; the first is the control. */
  variants: ReadonlyArray<{ name: string }>;
  metric: SuccessMetric;
  alpha: number;
  sampleSizePerArm: number;
  minRunDays: number;
  createdAt: Date;
}

export interface VariantSummary {
  variant: string;
  users: number;
  /** Users with at least one event of the metric's kind. */
  successes: number;
  /** successes / users; null without users. */
  rate: number | null;
  revenue: number;
  /** revenue / users; null without users. */
  revenuePerUser: number | null;
}

/**
 * The uplift of one treatment at the end of one day, for plots over time. Revenue intervals
 * here are Welch normal intervals (a bootstrap per day is too slow for large experiments).
 */
export interface DailyUplift {
  day: number;
  /** End of the day (or the analysis time, for the day in progress). */
  until: string;
  variant: string;
  absoluteUplift: number;
  lower: number;
  upper: number;
  zStatistic: number;
}

export interface ExperimentAnalysis {
  name: string;
  metric: SuccessMetric;
  control: string;
  startedAt: string;
  analysedAt: string;
  variants: VariantSummary[];
  comparisons: ArmComparison[];
  look: CurrentLook | null;
  decision: SequentialDecision;
  daily: DailyUplift[];
}

export interface AnalyseOptions {
  /** The moment of the look, default now; events after it are ignored. */
  now?: Date;
  confidence?: number;
  /** Bootstrap resamples for revenue intervals, default 2000. */
  resamples?: number;
  /**
   * Above this many users in all arms together the revenue interval is the Welch normal
   * interval instead of the bootstrap, default 20,000: the bootstrap's cost grows with users ×
   * resamples, while with that many users the mean difference is close to normal anyway.
   */
  bootstrapMaxUsers?: number;
}

/**
 * Per-variant counts, uplift against the control with its interval, one uplift point per
 * day, and the sequential decision at the current look. The experiment starts at its
 * creation, or at its first event when events were recorded with earlier times.
 */
export function analyseExperiment(
  plan: ExperimentPlan,
  events: readonly OutcomeEvent[],
  options: AnalyseOptions = {},
): ExperimentAnalysis {
  const now = (options.now ?? new Date()).getTime();
  const names = plan.variants.map((variant) => variant.name);
  const control = names[0]!;
  const firstEvent = events.reduce((first, event) => Math.min(first, event.at.getTime()), now);
  const start = Math.min(plan.createdAt.getTime(), firstEvent);
  const elapsedDays = Math.max(0, now - start) / DAY_MS;
  const users = foldUserOutcomes(events, plan.metric);
  const compare = (arms: ArmSnapshot[], revenueInterval: 'bootstrap' | 'normal') =>
    arms
      .slice(1)
      .map((arm) =>
        compareArms(arms[0]!, arm, { ...options, metric: plan.metric, revenueInterval }),
      )
      .filter((item): item is ArmComparison => item !== undefined);

  const fractions: number[] = [];
  const daily: DailyUplift[] = [];
  const days = Math.max(1, Math.ceil(elapsedDays));
  for (let day = 1; day <= days; day += 1) {
    const cutoff = Math.min(start + day * DAY_MS, now + 1);
    const arms = snapshotAt(users, names, cutoff);
    const smallest = Math.min(...arms.map((arm) => arm.users));
    fractions.push(smallest / plan.sampleSizePerArm);
    const until = new Date(Math.min(cutoff, now)).toISOString();
    for (const item of compare(arms, 'normal')) {
      const { variant, absoluteUplift, interval, zStatistic } = item;
      const { lower, upper } = interval;
      daily.push({ day, until, variant, absoluteUplift, lower, upper, zStatistic });
    }
  }

  const arms = snapshotAt(users, names, now + 1);
  const totalUsers = arms.reduce((sum, arm) => sum + arm.users, 0);
  const bootstrap = totalUsers <= (options.bootstrapMaxUsers ?? 20_000);
  const comparisons = compare(arms, bootstrap ? 'bootstrap' : 'normal');
  const look = currentLook(fractions, {
    alpha: plan.alpha,
    comparisons: names.length - 1,
    elapsedDays,
  });
  return {
    name: plan.name,
    metric: plan.metric,
    control,
    startedAt: new Date(start).toISOString(),
    analysedAt: new Date(now).toISOString(),
    variants: arms.map(summarise),
    comparisons,
    look: look ?? null,
    decision: decideExperiment(comparisons, look, { control, minRunDays: plan.minRunDays }),
    daily,
  };
}

function summarise(arm: ArmSnapshot): VariantSummary {
  const revenue = arm.revenuePerUser.reduce((sum, value) => sum + value, 0);
  return {
    variant: arm.variant,
    users: arm.users,
    successes: arm.successes,
    rate: arm.users === 0 ? null : arm.successes / arm.users,
    revenue,
    revenuePerUser: arm.users === 0 ? null : revenue / arm.users,
  };
}
