import type { SqlExecutor } from '../sql-client.js';

/** One generator call as the usage ledger records it. */
export interface UsageLedgerEntry {
  workspace: string;
  provider: string;
  model: string;
  useCase: string;
  inputTokens: number;
  outputTokens: number;
  /** Where the token counts came from: the server, a tokenizer, or the local estimate. */
  tokenSource: 'server' | 'tokenizer' | 'estimate';
  /** Null when the model has no price in the price table. */
  cost: number | null;
  currency: string | null;
  latencyMs: number;
  /** Null when the call produced no text delta (a replay, or an empty answer). */
  timeToFirstTokenMs: number | null;
  /** `broken`: the stream broke after text had been sent; tokens were spent all the same. */
  outcome: 'completed' | 'broken';
  at: Date;
}

export interface UsageTotals {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Cost in the asked currency; calls priced in another currency or unpriced add nothing. */
  cost: number;
}

interface LedgerRow {
  workspace: string;
  provider: string;
  model: string;
  use_case: string;
  input_tokens: number;
  output_tokens: number;
  token_source: UsageLedgerEntry['tokenSource'];
  cost: number | null;
  currency: string | null;
  latency_ms: number;
  ttft_ms: number | null;
  outcome: UsageLedgerEntry['outcome'];
  at: Date;
}

export async function insertUsage(db: SqlExecutor, entry: UsageLedgerEntry): Promise<void> {
  await db.query(
    `insert into generation_usage (workspace, provider, model, use_case, input_tokens,
       output_tokens, token_source, cost, currency, latency_ms, ttft_ms, outcome, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      entry.workspace,
      entry.provider,
      entry.model,
      entry.useCase,
      entry.inputTokens,
      entry.outputTokens,
      entry.tokenSource,
      entry.cost,
      entry.currency,
      entry.latencyMs,
      entry.timeToFirstTokenMs,
      entry.outcome,
      entry.at,
    ],
  );
}

/** Totals of one workspace's calls at or after `since` (and before `until`, when given). */
export async function sumUsage(
  db: SqlExecutor,
  query: { workspace: string; since: Date; until?: Date; currency: string },
): Promise<UsageTotals> {
  const [row] = await db.query<{
    calls: number;
    input_tokens: number;
    output_tokens: number;
    cost: number;
  }>(
    `select count(*)::float8 as calls,
       coalesce(sum(input_tokens), 0)::float8 as input_tokens,
       coalesce(sum(output_tokens), 0)::float8 as output_tokens,
       coalesce(sum(cost) filter (where currency = $4), 0)::float8 as cost
     from generation_usage
     where workspace = $1 and at >= $2 and ($3::timestamptz is null or at < $3)`,
    [query.workspace, query.since, query.until ?? null, query.currency],
  );
  return {
    calls: row?.calls ?? 0,
    inputTokens: row?.input_tokens ?? 0,
    outputTokens: row?.output_tokens ?? 0,
    cost: row?.cost ?? 0,
  };
}

/** Ledger entries, newest first. */
export async function listUsage(
  db: SqlExecutor,
  query: { workspace?: string; since?: Date; limit?: number } = {},
): Promise<UsageLedgerEntry[]> {
  const rows = await db.query<LedgerRow>(
    `select workspace, provider, model, use_case, input_tokens, output_tokens, token_source,
       cost, currency, latency_ms, ttft_ms, outcome, at
     from generation_usage
     where ($1::text is null or workspace = $1) and ($2::timestamptz is null or at >= $2)
     order by at desc, id desc
     limit $3`,
    [query.workspace ?? null, query.since ?? null, query.limit ?? 1_000],
  );
  return rows.map((row) => ({
    workspace: row.workspace,
    provider: row.provider,
    model: row.model,
    useCase: row.use_case,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    tokenSource: row.token_source,
    cost: row.cost,
    currency: row.currency,
    latencyMs: row.latency_ms,
    timeToFirstTokenMs: row.ttft_ms,
    outcome: row.outcome,
    at: row.at,
  }));
}

/** Usage of one provider, model and use case over a period. */
export interface UsageSummaryRow {
  provider: string;
  model: string;
  useCase: string;
  currency: string | null;
  calls: number;
  brokenCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when none of the calls had a price. */
  cost: number | null;
  meanLatencyMs: number;
  /** Mean over the calls that produced text. */
  meanTimeToFirstTokenMs: number | null;
}

/** A workspace's usage from `since` until `until`, grouped by provider, model and use case. */
export async function summariseUsage(
  db: SqlExecutor,
  query: { workspace: string; since: Date; until: Date },
): Promise<UsageSummaryRow[]> {
  const rows = await db.query<{
    provider: string;
    model: string;
    use_case: string;
    currency: string | null;
    calls: number;
    broken_calls: number;
    input_tokens: number;
    output_tokens: number;
    cost: number | null;
    mean_latency_ms: number;
    mean_ttft_ms: number | null;
  }>(
    `select provider, model, use_case, currency,
       count(*)::float8 as calls,
       count(*) filter (where outcome = 'broken')::float8 as broken_calls,
       sum(input_tokens)::float8 as input_tokens,
       sum(output_tokens)::float8 as output_tokens,
       sum(cost)::float8 as cost,
       avg(latency_ms)::float8 as mean_latency_ms,
       avg(ttft_ms)::float8 as mean_ttft_ms
     from generation_usage
     where workspace = $1 and at >= $2 and at < $3
     group by provider, model, use_case, currency
     order by provider, model, use_case, currency`,
    [query.workspace, query.since, query.until],
  );
  return rows.map((row) => ({
    provider: row.provider,
    model: row.model,
    useCase: row.use_case,
    currency: row.currency,
    calls: row.calls,
    brokenCalls: row.broken_calls,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cost: row.cost,
    meanLatencyMs: row.mean_latency_ms,
    meanTimeToFirstTokenMs: row.mean_ttft_ms,
  }));
}
