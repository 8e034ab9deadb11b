import type { SqlExecutor } from '../sql-client.js';

export type ExperimentMetric = 'conversion' | 'click' | 'revenue';
export type AssignmentMode = 'hash' | 'thompson';
export type ExperimentStatus = 'running' | 'stopped';

/** The plan of an A/B/n experiment as stored. */
export interface Experiment {
  id: string;
  name: string;
  /** Arms in order; the first is the control. */
  variants: Array<{ name: string; weight: number }>;
  metric: ExperimentMetric;
  baselineRate: number;
  /** Absolute change in the rate worth detecting. */
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  /** From the power analysis; the information fraction of a look is users / this. */
  sampleSizePerArm: number;
  minRunDays: number;
  assignmentMode: AssignmentMode;
  status: ExperimentStatus;
  createdAt: Date;
}

interface ExperimentRow {
  id: string;
  name: string;
  variants: Array<{ name: string; weight: number }>;
  metric: ExperimentMetric;
  baseline_rate: number;
  minimum_detectable_effect: number;
  alpha: number;
  power: number;
  sample_size_per_arm: number;
  min_run_days: number;
  assignment_mode: AssignmentMode;
  status: ExperimentStatus;
  created_at: Date;
}

const fromRow = (row: ExperimentRow): Experiment => ({
  id: row.id,
  name: row.name,
  variants: row.variants,
  metric: row.metric,
  baselineRate: row.baseline_rate,
  minimumDetectableEffect: row.minimum_detectable_effect,
  alpha: row.alpha,
  power: row.power,
  sampleSizePerArm: row.sample_size_per_arm,
  minRunDays: row.min_run_days,
  assignmentMode: row.assignment_mode,
  status: row.status,
  createdAt: row.created_at,
});

/** Stores a new experiment; `createdAt` defaults to now. Names are unique. */
export async function insertExperiment(
  db: SqlExecutor,
  experiment: Omit<Experiment, 'status' | 'createdAt'> & { createdAt?: Date },
): Promise<void> {
  await db.query(
    `insert into experiments (id, name, variants, metric, baseline_rate,
       minimum_detectable_effect, alpha, power, sample_size_per_arm, min_run_days,
       assignment_mode, created_at)
     values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, now()))`,
    [
      experiment.id,
      experiment.name,
      JSON.stringify(experiment.variants),
      experiment.metric,
      experiment.baselineRate,
      experiment.minimumDetectableEffect,
      experiment.alpha,
      experiment.power,
      experiment.sampleSizePerArm,
      experiment.minRunDays,
      experiment.assignmentMode,
      experiment.createdAt?.toISOString() ?? null,
    ],
  );
}

export async function findExperiment(
  db: SqlExecutor,
  name: string,
): Promise<Experiment | undefined> {
  const rows = await db.query<ExperimentRow>('select * from experiments where name = $1', [name]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/** Every experiment name, alphabetically, for "did you mean" messages and listings. */
export async function experimentNames(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ name: string }>('select name from experiments order by name');
  return rows.map((row) => row.name);
}

/** Every experiment, newest first, with how many users have been assigned to it. */
export async function listExperiments(
  db: SqlExecutor,
): Promise<Array<Experiment & { assignedUsers: number }>> {
  const rows = await db.query<ExperimentRow & { assigned_users: number | string }>(
    `select e.*, (select count(*) from experiment_assignments a where a.experiment_id = e.id)
       as assigned_users
     from experiments e order by e.created_at desc, e.name`,
  );
  return rows.map((row) => ({ ...fromRow(row), assignedUsers: Number(row.assigned_users) }));
}

export async function setExperimentStatus(
  db: SqlExecutor,
  id: string,
  status: ExperimentStatus,
): Promise<void> {
  await db.query('update experiments set status = $2 where id = $1', [id, status]);
}

/** The variant a user was given earlier, if any. */
export async function findAssignment(
  db: SqlExecutor,
  experimentId: string,
  userHash: string,
): Promise<string | undefined> {
  const rows = await db.query<{ variant: string }>(
    'select variant from experiment_assignments where experiment_id = $1 and user_hash = $2',
    [experimentId, userHash],
  );
  return rows[0]?.variant;
}

/**
 * Remembers a user's variant. The first assignment wins: when two processes race, both get
 * the variant that was stored first.
 */
export async function saveAssignment(
  db: SqlExecutor,
  experimentId: string,
  userHash: string,
  variant: string,
): Promise<string> {
  await db.query(
    `insert into experiment_assignments (experiment_id, user_hash, variant)
     values ($1, $2, $3) on conflict (experiment_id, user_hash) do nothing`,
    [experimentId, userHash, variant],
  );
  return (await findAssignment(db, experimentId, userHash)) ?? variant;
}
