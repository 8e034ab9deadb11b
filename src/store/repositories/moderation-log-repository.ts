/**
 * The moderation log: every guard decision, for audits and for tuning the policy. Rows hold
 * hashes, not raw personal data.
 * @module
 */

import type { SqlExecutor } from '../sql-client.js';

type Action = 'allow' | 'mask' | 'flag' | 'block';

/** One decision about one finding, as the guard engine records it. */
export interface ModerationDecisionInput {
  /** Groups the decisions of one scan. */
  scanId: string;
  direction: 'in' | 'out';
  source?: string | undefined;
  findingType: string;
  rule: string;
  action: Action;
  /** The scan's overall verdict. */
  verdict: Action;
  policyVersion: string;
  /** SHA-256 of the whole scanned text. */
  inputHash: string;
  /** SHA-256 of the finding's text. */
  textHash: string;
  /** The finding's text, only where it is not personal data; otherwise null. */
  excerpt: string | null;
  start: number;
  end: number;
  score: number;
  language?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
  market?: string | undefined;
  /** Defaults to now. */
  at?: Date;
}

export interface ModerationDecision extends Omit<ModerationDecisionInput, 'at'> {
  id: number;
  at: Date;
}

export interface ModerationQuery {
  scanId?: string;
  findingType?: string;
  action?: Action;
  direction?: 'in' | 'out';
  source?: string;
  policyVersion?: string;
  /** Inclusive lower bound on `at`. */
  since?: Date;
  /** Exclusive upper bound on `at`. */
  until?: Date;
  /** Default 100, at most 10,000. */
  limit?: number;
  offset?: number;
}

const columns = [
  'scan_id',
  'direction',
  'source',
  'finding_type',
  'rule',
  'action',
  'verdict',
  'policy_version',
  'input_hash',
  'text_hash',
  'excerpt',
  'span_start',
  'span_end',
  'score',
  'language',
  'category',
  'channel',
  'market',
  'at',
] as const;

const columnTypes =
  'text text text text text text text text text text text int4 int4 real ' +
  'text text text text timestamptz';

/** Appends decisions in one statement. */
export async function recordModerationDecisions(
  db: SqlExecutor,
  decisions: readonly ModerationDecisionInput[],
): Promise<void> {
  if (decisions.length === 0) return;
  const now = new Date();
  const values = (pick: (decision: ModerationDecisionInput) => unknown) => decisions.map(pick);
  const types = columnTypes.split(' ');
  const parameters = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');

  await db.query(
    `insert into moderation_log (${columns.join(', ')}) select * from unnest(${parameters})`,
    [
      values((decision) => decision.scanId),
      values((decision) => decision.direction),
      values((decision) => decision.source ?? null),
      values((decision) => decision.findingType),
      values((decision) => decision.rule),
      values((decision) => decision.action),
      values((decision) => decision.verdict),
      values((decision) => decision.policyVersion),
      values((decision) => decision.inputHash),
      values((decision) => decision.textHash),
      values((decision) => decision.excerpt),
      values((decision) => decision.start),
      values((decision) => decision.end),
      values((decision) => decision.score),
      values((decision) => decision.language ?? null),
      values((decision) => decision.category ?? null),
      values((decision) => decision.channel ?? null),
      values((decision) => decision.market ?? null),
      values((decision) => (decision.at ?? now).toISOString()),
    ],
  );
}

/** Decisions matching every given field, newest first. */
export async function listModerationDecisions(
  db: SqlExecutor,
  query: ModerationQuery = {},
): Promise<ModerationDecision[]> {
  const { where, parameters } = whereClause(query);
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 10_000);
  const rows = await db.query<ModerationRow>(
    `select * from moderation_log ${where} order by at desc, id desc
     limit ${limit} offset ${Math.max(query.offset ?? 0, 0)}`,
    parameters,
  );
  return rows.map(fromRow);
}

/** How many decisions per finding type and action match the query (limit ignored). */
export async function countModerationDecisions(
  db: SqlExecutor,
  query: Omit<ModerationQuery, 'limit' | 'offset'> = {},
): Promise<Array<{ findingType: string; action: Action; count: number }>> {
  const { where, parameters } = whereClause(query);
  const rows = await db.query<{ finding_type: string; action: Action; count: number }>(
    `select finding_type, action, count(*)::int as count from moderation_log ${where}
     group by finding_type, action order by finding_type, action`,
    parameters,
  );
  return rows.map((row) => ({
    findingType: row.finding_type,
    action: row.action,
    count: row.count,
  }));
}

function whereClause(query: ModerationQuery): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql.replace('?', `$${parameters.length}`));
  };

  if (query.scanId !== undefined) add('scan_id = ?', query.scanId);
  if (query.findingType !== undefined) add('finding_type = ?', query.findingType);
  if (query.action !== undefined) add('action = ?', query.action);
  if (query.direction !== undefined) add('direction = ?', query.direction);
  if (query.source !== undefined) add('source = ?', query.source);
  if (query.policyVersion !== undefined) add('policy_version = ?', query.policyVersion);
  if (query.since !== undefined) add('at >= ?', query.since.toISOString());
  if (query.until !== undefined) add('at < ?', query.until.toISOString());

  return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', parameters };
}

interface ModerationRow {
  id: string | number;
  scan_id: string;
  at: Date | string;
  direction: 'in' | 'out';
  source: string | null;
  finding_type: string;
  rule: string;
  action: Action;
  verdict: Action;
  policy_version: string;
  input_hash: string;
  text_hash: string;
  excerpt: string | null;
  span_start: number;
  span_end: number;
  score: number;
  language: string | null;
  category: string | null;
  channel: string | null;
  market: string | null;
}

const fromRow = (row: ModerationRow): ModerationDecision => ({
  id: Number(row.id),
  scanId: row.scan_id,
  at: new Date(row.at),
  direction: row.direction,
  source: row.source ?? undefined,
  findingType: row.finding_type,
  rule: row.rule,
  action: row.action,
  verdict: row.verdict,
  policyVersion: row.policy_version,
  inputHash: row.input_hash,
  textHash: row.text_hash,
  excerpt: row.excerpt,
  start: row.span_start,
  end: row.span_end,
  score: row.score,
  language: row.language ?? undefined,
  category: row.category ?? undefined,
  channel: row.channel ?? undefined,
  market: row.market ?? undefined,
});
