import { MarkwerkError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';
import {
  experimentNames,
  findExperiment,
  type Experiment,
} from '../../store/repositories/experiments-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';

/** The experiment called `name`, or EXPERIMENT_NOT_FOUND naming the ones that exist. */
export async function requireExperiment(db: SqlExecutor, name: string): Promise<Experiment> {
  const experiment = await findExperiment(db, name);
  if (experiment) return experiment;

  const existing = await experimentNames(db);
  const known =
    existing.length === 0
      ? 'There are no experiments yet'
      : `Existing experiments: ${existing.join(', ')}`;
  throw new MarkwerkError(
    'EXPERIMENT_NOT_FOUND',
    `No experiment named "${name}". ${known}. Create one with ` +
      '`markwerk experiment create NAME --variants a,b`.',
    { details: { name, existing } },
  );
}

/** Users are stored only as this hash, salted per experiment so ids cannot be joined across. */
export function hashUser(experimentId: string, userId: string): string {
  return sha256(`${experimentId}\u0000${userId}`);
}
