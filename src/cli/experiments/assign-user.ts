import { assignVariant } from '../../evaluation/experiments/assignment.js';
import { createSeededRandom } from '../../evaluation/experiments/random.js';
import { chooseArm } from '../../evaluation/experiments/thompson.js';
import { variantUserCounts } from '../../store/repositories/experiment-events-repository.js';
import { saveAssignment, findAssignment } from '../../store/repositories/experiments-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { hashUser, requireExperiment } from './find-experiment.js';

export interface Assignment {
  experiment: string;
  variant: string;
  mode: 'hash' | 'thompson';
  /** True when the user already had this variant. */
  existing: boolean;
  /** True when the experiment is stopped and a new user was shown the control, unrecorded. */
  outsideExperiment?: true;
}

/**
 * The variant a user sees. Hash mode places the user by a hash of experiment and user id;
 * bandit mode draws by Thompson sampling from the stored counts, seeded by the user and those
 * counts, so the same state always gives the same answer. Either way the first answer is
 * stored and kept. Once the experiment is stopped, users assigned before keep their variant
 * and new users see the control without being stored, so they stay out of the analysis.
 */
export async function assignUser(
  db: SqlExecutor,
  name: string,
  userId: string,
): Promise<Assignment> {
  const experiment = await requireExperiment(db, name);
  const userHash = hashUser(experiment.id, userId);
  const mode = experiment.assignmentMode;
  const stored = await findAssignment(db, experiment.id, userHash);
  if (stored) return { experiment: name, variant: stored, mode, existing: true };
  if (experiment.status === 'stopped') {
    const control = experiment.variants[0]!.name;
    return { experiment: name, variant: control, mode, existing: false, outsideExperiment: true };
  }

  let variant: string;
  if (mode === 'hash') {
    variant = assignVariant(experiment.id, userId, experiment.variants);
  } else {
    const counts = await variantUserCounts(db, experiment.id, experiment.metric);
    const arms = experiment.variants.map(({ name: arm }) => {
      const count = counts.find((item) => item.variant === arm);
      const successes = count?.successes ?? 0;
      return { name: arm, successes, failures: (count?.users ?? 0) - successes };
    });
    const seed = Number.parseInt(hashUser(userHash, JSON.stringify(arms)).slice(0, 8), 16);
    variant = chooseArm(arms, createSeededRandom(seed)).name;
  }
  const kept = await saveAssignment(db, experiment.id, userHash, variant);
  return { experiment: name, variant: kept, mode, existing: false };
}
