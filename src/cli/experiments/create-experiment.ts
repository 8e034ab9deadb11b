import { randomUUID } from 'node:crypto';
import { UsageError } from '../../core/errors.js';
import { sampleSizePerArm } from '../../evaluation/experiments/power.js';
import {
  findExperiment,
  insertExperiment,
  type Experiment,
  type ExperimentMetric,
} from '../../store/repositories/experiments-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';

/** The options of `markwerk experiment create`, as commander hands them over. */
export interface CreateExperimentOptions {
  variants: string;
  weights?: string;
  metric?: string;
  mde?: string;
  baseline?: string;
  alpha?: string;
  power?: string;
  minDays?: string;
  bandit?: boolean;
}

const METRICS: readonly ExperimentMetric[] = ['conversion', 'click', 'revenue'];

/**
 * Checks the plan, sizes it by power analysis and stores it.
 * @returns the stored experiment; `sampleSizePerArm` is the number of users each arm needs
 */
export async function createExperiment(
  db: SqlExecutor,
  name: string,
  options: CreateExperimentOptions,
  now: Date = new Date(),
): Promise<Experiment> {
  if (!/^[\w.-]{1,100}$/u.test(name)) {
    throw new UsageError(
      `Experiment name "${name}" must be 1-100 letters, digits, ".", "_" or "-".`,
    );
  }
  const variants = parseVariants(options.variants, options.weights);
  const metric = (options.metric ?? 'conversion') as ExperimentMetric;
  if (!METRICS.includes(metric)) {
    throw new UsageError(`--metric must be one of ${METRICS.join(', ')}, not "${metric}".`);
  }
  const baselineRate = number('--baseline', options.baseline ?? '0.1', 0, 1);
  const minimumDetectableEffect = number('--mde', options.mde ?? '0.02', 0, 1);
  const alpha = number('--alpha', options.alpha ?? '0.05', 0, 1);
  const power = number('--power', options.power ?? '0.8', 0, 1);
  const minRunDays = Number(options.minDays ?? '7');
  if (!(Number.isInteger(minRunDays) && minRunDays >= 0 && minRunDays <= 365)) {
    throw new UsageError(`--min-days must be a whole number from 0 to 365.`);
  }
  if (baselineRate + minimumDetectableEffect >= 1) {
    throw new UsageError(
      `--baseline ${baselineRate} plus --mde ${minimumDetectableEffect} must stay below 1.`,
    );
  }
  if (await findExperiment(db, name)) {
    throw new UsageError(`An experiment named "${name}" already exists; choose another name.`);
  }

  const experiment: Experiment = {
    id: randomUUID(),
    name,
    variants,
    metric,
    baselineRate,
    minimumDetectableEffect,
    alpha,
    power,
    // Each treatment is judged against the control at alpha / (arms - 1), so plan for that.
    sampleSizePerArm: sampleSizePerArm({
      baselineRate,
      minimumDetectableEffect,
      alpha: alpha / (variants.length - 1),
      power,
    }),
    minRunDays,
    assignmentMode: options.bandit ? 'thompson' : 'hash',
    status: 'running',
    createdAt: now,
  };
  await insertExperiment(db, experiment);
  return experiment;
}

function parseVariants(list: string, weightList: string | undefined) {
  const names = list.split(',').map((name) => name.trim());
  if (names.length < 2 || names.some((name) => name === '')) {
    throw new UsageError(`--variants needs at least two comma-separated names, e.g. a,b.`);
  }
  if (new Set(names).size !== names.length) {
    throw new UsageError(`--variants has a name twice: ${list}.`);
  }
  const weights = weightList?.split(',').map(Number) ?? names.map(() => 1);
  if (weights.length !== names.length || weights.some((weight) => !(weight >= 0))) {
    throw new UsageError(
      `--weights needs one number of 0 or more per variant (${names.length}), e.g. 1,1.`,
    );
  }
  if (!weights.some((weight) => weight > 0)) {
    throw new UsageError('--weights must give at least one variant a weight above 0.');
  }
  return names.map((name, index) => ({ name, weight: weights[index]! }));
}

function number(flag: string, text: string, above: number, below: number): number {
  const value = Number(text);
  if (!(value > above && value < below)) {
    throw new UsageError(`${flag} must be a number between ${above} and ${below}, not "${text}".`);
  }
  return value;
}
