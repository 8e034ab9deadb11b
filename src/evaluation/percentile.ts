/**
 * The p-th percentile by the nearest-rank method: sort ascending and take the value at rank
 * ⌈p/100 × n⌉ (1-based), so the result is always one of the measured values and never an
 * interpolation. p = 0 gives the smallest value. NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0–100`);
  if (values.length === 0) return Number.NaN;

  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}
