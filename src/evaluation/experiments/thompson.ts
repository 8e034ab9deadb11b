import { sampleBeta, type Random } from './random.js';

/** Observed Bernoulli outcomes of one arm. */
export interface ArmOutcomes {
  name: string;
  successes: number;
  failures: number;
}

/** The arm Thompson sampling picked, with every arm's posterior draw for inspection. */
export interface ArmChoice {
  name: string;
  index: number;
  draws: number[];
}

/**
 * Beta-Bernoulli Thompson sampling: draw a conversion rate for each arm from its posterior
 * Beta(1 + successes, 1 + failures) (uniform prior) and play the arm with the highest draw.
 * Arms are thus chosen in proportion to the probability that they are best.
 * @param random uniform source in [0, 1); pass `createSeededRandom(seed)` for reproducibility
 */
export function chooseArm(arms: readonly ArmOutcomes[], random: Random): ArmChoice {
  if (arms.length === 0) throw new RangeError('chooseArm needs at least one arm');
  const invalid = arms.find((arm) => !(arm.successes >= 0 && arm.failures >= 0));
  if (invalid) {
    throw new RangeError(`arm ${invalid.name} has negative counts; pass successes, failures ≥ 0`);
  }

  const draws = arms.map((arm) => sampleBeta(1 + arm.successes, 1 + arm.failures, random));
  let index = 0;
  for (let candidate = 1; candidate < draws.length; candidate += 1) {
    if (draws[candidate]! > draws[index]!) index = candidate;
  }
  return { name: arms[index]!.name, index, draws };
}
