import { setExperimentStatus } from '../../store/repositories/experiments-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { requireExperiment } from './find-experiment.js';

/**
 * Stops an experiment: users assigned so far keep their variant and their events still
 * count; new users see the control and stay out of the analysis. Stopping twice is harmless.
 */
export async function stopExperiment(
  db: SqlExecutor,
  name: string,
): Promise<{ experiment: string; wasRunning: boolean }> {
  const experiment = await requireExperiment(db, name);
  if (experiment.status === 'stopped') return { experiment: name, wasRunning: false };
  await setExperimentStatus(db, experiment.id, 'stopped');
  return { experiment: name, wasRunning: true };
}
