/**
 * Experiment events folded into one record per user, and cumulative snapshots of those
 * records at any moment, so that counts are per user (a user who converts twice counts once)
 * and the same data gives every daily look.
 * @module
 */

/** The part of a stored event the statistics read. */
export interface OutcomeEvent {
  variant: string;
  userHash: string;
  kind: 'impression' | 'click' | 'conversion' | 'revenue';
  value: number | null;
  at: Date;
}

/** Which event kind counts as success for a metric; revenue counts paying users. */
export type SuccessMetric = 'conversion' | 'click' | 'revenue';

interface UserRecord {
  variant: string;
  firstSeen: number;
  firstSuccess: number;
  /** Revenue amounts with their times, in event order. */
  revenue: Array<{ at: number; value: number }>;
}

/** Per-user outcomes of one arm at one moment. */
export interface ArmSnapshot {
  variant: string;
  users: number;
  /** Users with at least one success event. */
  successes: number;
  /** Revenue per user, zeros included; one entry per user. */
  revenuePerUser: number[];
}

/** Folds events into per-user records; a user belongs to the variant of their events. */
export function foldUserOutcomes(
  events: readonly OutcomeEvent[],
  metric: SuccessMetric,
): Map<string, UserRecord> {
  const users = new Map<string, UserRecord>();
  for (const event of events) {
    const key = `${event.variant}\u0000${event.userHash}`;
    const at = event.at.getTime();
    let record = users.get(key);
    if (!record) {
      record = { variant: event.variant, firstSeen: at, firstSuccess: Infinity, revenue: [] };
      users.set(key, record);
    }
    record.firstSeen = Math.min(record.firstSeen, at);
    if (event.kind === metric) record.firstSuccess = Math.min(record.firstSuccess, at);
    if (event.kind === 'revenue' && event.value !== null) {
      record.revenue.push({ at, value: event.value });
    }
  }
  return users;
}

/** What each arm looked like up to (not including) `cutoff`, in the order of `variants`. */
export function snapshotAt(
  users: ReadonlyMap<string, UserRecord>,
  variants: readonly string[],
  cutoff: number,
): ArmSnapshot[] {
  const arms = new Map<string, ArmSnapshot>(
    variants.map((variant) => [variant, { variant, users: 0, successes: 0, revenuePerUser: [] }]),
  );
  for (const record of users.values()) {
    const arm = arms.get(record.variant);
    if (!arm || record.firstSeen >= cutoff) continue;
    arm.users += 1;
    if (record.firstSuccess < cutoff) arm.successes += 1;
    let revenue = 0;
    for (const item of record.revenue) if (item.at < cutoff) revenue += item.value;
    arm.revenuePerUser.push(revenue);
  }
  return variants.map((variant) => arms.get(variant)!);
}
