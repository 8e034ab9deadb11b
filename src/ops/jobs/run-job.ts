import { randomUUID } from 'node:crypto';
import { describeError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { finishJob, insertJob, markJobRunning } from '../../store/repositories/jobs-repository.js';
import type { SqlClient } from '../../store/sql-client.js';

/**
 * Runs a unit of background work in this process and records it in the jobs table:
 * queued, running, then done with its result or failed with its error. A Redis-backed
 * queue can take the same records when work moves to separate workers.
 */
export async function runJob<Result extends Record<string, unknown>>(
  store: SqlClient,
  kind: string,
  payload: Record<string, unknown>,
  work: () => Promise<Result>,
  logger: Logger = silentLogger,
): Promise<{ id: string; result: Result }> {
  const id = randomUUID();
  await insertJob(store, { id, kind, payload });
  await markJobRunning(store, id);
  logger.info({ job: id, kind }, 'job-started');
  try {
    const result = await work();
    await finishJob(store, id, { result });
    logger.info({ job: id, kind }, 'job-done');
    return { id, result };
  } catch (error) {
    await finishJob(store, id, { error: describeError(error) });
    logger.error({ job: id, kind, error: describeError(error) }, 'job-failed');
    throw error;
  }
}
