import type { SqlExecutor } from '../sql-client.js';

export type ExperimentEventKind = 'impression' | 'click' | 'conversion' | 'revenue';

/** One thing a user in an experiment did or was shown. */
export interface ExperimentEvent {
  variant: string;
  userHash: string;
  kind: ExperimentEventKind;
  /** Revenue amount, or any measured value; null for plain occurrences. */
  value: number | null;
  at: Date;
}

interface EventRow {
  variant: string;
  user_hash: string;
  kind: ExperimentEventKind;
  value: number | null;
  at: Date;
}

/** Appends events in one statement. */
export async function insertEvents(
  db: SqlExecutor,
  experimentId: string,
  events: readonly ExperimentEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `insert into experiment_events (experiment_id, variant, user_hash, kind, value, at)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::float8[],
                              $6::timestamptz[])`,
    [
      experimentId,
      events.map((event) => event.variant),
      events.map((event) => event.userHash),
      events.map((event) => event.kind),
      events.map((event) => event.value),
      events.map((event) => event.at.toISOString()),
    ],
  );
}

/** Every event of an experiment, oldest first. */
export async function experimentEvents(
  db: SqlExecutor,
  experimentId: string,
): Promise<ExperimentEvent[]> {
  const rows = await db.query<EventRow>(
    `select variant, user_hash, kind, value, at from experiment_events
     where experiment_id = $1 order by at, id`,
    [experimentId],
  );
  return rows.map((row) => ({
    variant: row.variant,
    userHash: row.user_hash,
    kind: row.kind,
    value: row.value === null ? null : Number(row.value),
    at: new Date(row.at),
  }));
}

/** Users seen and users with at least one `successKind` event, per variant. */
export interface VariantUserCounts {
  variant: string;
  users: number;
  successes: number;
}

/** Distinct-user counts per variant, the state Thompson sampling is seeded by. */
export async function variantUserCounts(
  db: SqlExecutor,
  experimentId: string,
  successKind: ExperimentEventKind,
): Promise<VariantUserCounts[]> {
  const rows = await db.query<{ variant: string; users: number; successes: number }>(
    `select variant, count(distinct user_hash)::int as users,
            count(distinct user_hash) filter (where kind = $2)::int as successes
     from experiment_events where experiment_id = $1 group by variant order by variant`,
    [experimentId, successKind],
  );
  return rows.map((row) => ({ variant: row.variant, users: row.users, successes: row.successes }));
}
