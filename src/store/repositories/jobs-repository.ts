import type { SqlExecutor } from '../sql-client.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  payload: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const fromRow = (row: JobRow): Job => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  payload: row.payload,
  result: row.result,
  error: row.error,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export async function insertJob(
  db: SqlExecutor,
  job: Pick<Job, 'id' | 'kind' | 'payload'>,
): Promise<void> {
  await db.query(
    `insert into jobs (id, kind, status, payload) values ($1, $2, 'queued', $3::jsonb)`,
    [job.id, job.kind, JSON.stringify(job.payload)],
  );
}

export async function markJobRunning(db: SqlExecutor, id: string): Promise<void> {
  await db.query(`update jobs set status = 'running', started_at = now() where id = $1`, [id]);
}

export async function finishJob(
  db: SqlExecutor,
  id: string,
  outcome: { result: Record<string, unknown> } | { error: string },
): Promise<void> {
  const failed = 'error' in outcome;
  await db.query(
    `update jobs set status = $2, result = $3::jsonb, error = $4, finished_at = now()
     where id = $1`,
    [
      id,
      failed ? 'failed' : 'done',
      failed ? null : JSON.stringify(outcome.result),
      failed ? outcome.error : null,
    ],
  );
}

/** The most recent jobs, newest first, optionally of one kind. */
export async function recentJobs(db: SqlExecutor, kind?: string, limit = 10): Promise<Job[]> {
  const rows = await db.query<JobRow>(
    `select * from jobs where ($1::text is null or kind = $1)
     order by created_at desc, id limit $2`,
    [kind ?? null, limit],
  );
  return rows.map(fromRow);
}
