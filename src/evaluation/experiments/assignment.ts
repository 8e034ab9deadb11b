import { sha256 } from '../../core/hash.js';

/** One arm of an experiment and its share of traffic (weights need not sum to 1). */
export interface VariantWeight {
  name: string;
  weight: number;
}

/**
 * A stable point in [0, 1) for a user in an experiment: the first 52 bits of
 * SHA-256(experimentId + NUL + userId), so every user lands in the same place on every call
 * and different experiments bucket users independently.
 */
export function assignmentPoint(experimentId: string, userId: string): number {
  const digest = sha256(`${experimentId}\u0000${userId}`);
  return Number.parseInt(digest.slice(0, 13), 16) / 2 ** 52;
}

/**
 * Deterministic A/B/n assignment: the user's hash point is placed on the cumulative weights,
 * so a variant with weight w of total W receives a share w / W of users.
 * @returns the name of the variant the user sees
 * @example
 * assignVariant('hero-headline', 'user-17', [
 *   { name: 'a', weight: 1 },
 *   { name: 'b', weight: 1 },
 * ]);
 */
export function assignVariant(
  experimentId: string,
  userId: string,
  variants: readonly VariantWeight[],
): string {
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  if (variants.length === 0 || !(total > 0)) {
    throw new RangeError(`experiment ${experimentId} needs at least one variant with weight > 0`);
  }
  const negative = variants.find((variant) => !(variant.weight >= 0));
  if (negative) {
    throw new RangeError(`variant ${negative.name} has weight ${negative.weight}; use 0 or more`);
  }

  const target = assignmentPoint(experimentId, userId) * total;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    if (target < cumulative) return variant.name;
  }
  // Rounding can leave target a hair above the last sum; it belongs to the last weighted arm.
  return [...variants].reverse().find((variant) => variant.weight > 0)!.name;
}
