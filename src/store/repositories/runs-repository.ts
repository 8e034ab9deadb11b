import type { SqlExecutor } from '../sql-client.js';

export type RunStatus = 'running' | 'committed' | 'failed';

export interface IngestRun {
  id: string;
  /** Hash of the sources and settings; a re-run with the same fingerprint resumes. */
  fingerprint: string;
  status: RunStatus;
  sources: string[];
  settings: Record<string, unknown>;
  startedAt: Date;
  versionId: string | null;
}

export type ItemStatus = 'kept' | 'duplicate' | 'near-duplicate';

/** What became of one extracted document in a run. */
export interface RunItem {
  sourceKey: string;
  sourceUri: string;
  documentId: string | null;
  status: ItemStatus;
  duplicateOf: string | null;
  similarity: number | null;
}

/** A source (file, page, feed) finished in a run, with everything it produced. */
export interface FinishedSource {
  sourceKey: string;
  sourceHash: string;
  settingsHash: string;
  status: 'done' | 'failed';
  detail: string | null;
  items: RunItem[];
}

interface RunRow {
  id: string;
  fingerprint: string;
  status: RunStatus;
  sources: string[];
  settings: Record<string, unknown>;
  started_at: Date;
  version_id: string | null;
}

const fromRow = (row: RunRow): IngestRun => ({
  id: row.id,
  fingerprint: row.fingerprint,
  status: row.status,
  sources: row.sources,
  settings: row.settings,
  startedAt: row.started_at,
  versionId: row.version_id,
});

export async function createRun(
  db: SqlExecutor,
  run: Pick<IngestRun, 'id' | 'fingerprint' | 'sources' | 'settings'>,
): Promise<void> {
  await db.query(
    `insert into ingest_runs (id, fingerprint, status, sources, settings)
     values ($1, $2, 'running', $3::jsonb, $4::jsonb)`,
    [run.id, run.fingerprint, JSON.stringify(run.sources), JSON.stringify(run.settings)],
  );
}

/** The unfinished run with this fingerprint, left by a crash or an interrupt. */
export async function findRunningRun(
  db: SqlExecutor,
  fingerprint: string,
): Promise<IngestRun | undefined> {
  const rows = await db.query<RunRow>(
    `select * from ingest_runs where fingerprint = $1 and status = 'running'
     order by started_at desc limit 1`,
    [fingerprint],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function finishRun(
  db: SqlExecutor,
  runId: string,
  status: Exclude<RunStatus, 'running'>,
  versionId: string | null,
): Promise<void> {
  await db.query(
    `update ingest_runs set status = $2, version_id = $3, finished_at = now() where id = $1`,
    [runId, status, versionId],
  );
}

/** Records finished sources and their items; call inside the batch's transaction. */
export async function recordSources(
  db: SqlExecutor,
  runId: string,
  sources: FinishedSource[],
): Promise<void> {
  if (sources.length === 0) return;
  await db.query(
    `insert into run_sources (run_id, source_key, source_hash, settings_hash, status, detail)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     on conflict (run_id, source_key) do nothing`,
    [
      runId,
      sources.map((source) => source.sourceKey),
      sources.map((source) => source.sourceHash),
      sources.map((source) => source.settingsHash),
      sources.map((source) => source.status),
      sources.map((source) => source.detail),
    ],
  );
  const items = sources.flatMap((source) => source.items);
  if (items.length === 0) return;
  await db.query(
    `insert into run_items
       (run_id, source_key, source_uri, document_id, status, duplicate_of, similarity)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::real[])
     on conflict (run_id, source_uri) do nothing`,
    [
      runId,
      items.map((item) => item.sourceKey),
      items.map((item) => item.sourceUri),
      items.map((item) => item.documentId),
      items.map((item) => item.status),
      items.map((item) => item.duplicateOf),
      items.map((item) => item.similarity),
    ],
  );
}

/** Source keys already finished in a run, so a resumed run skips them. */
export async function finishedSourceKeys(db: SqlExecutor, runId: string): Promise<Set<string>> {
  const rows = await db.query<{ source_key: string }>(
    'select source_key from run_sources where run_id = $1',
    [runId],
  );
  return new Set(rows.map((row) => row.source_key));
}

interface ItemRow {
  source_key: string;
  source_uri: string;
  document_id: string | null;
  status: ItemStatus;
  duplicate_of: string | null;
  similarity: number | null;
}

const itemFromRow = (row: ItemRow): RunItem => ({
  sourceKey: row.source_key,
  sourceUri: row.source_uri,
  documentId: row.document_id,
  status: row.status,
  duplicateOf: row.duplicate_of,
  similarity: row.similarity,
});

export async function runItems(db: SqlExecutor, runId: string): Promise<RunItem[]> {
  const rows = await db.query<ItemRow>(
    'select * from run_items where run_id = $1 order by source_key, source_uri',
    [runId],
  );
  return rows.map(itemFromRow);
}

/** Failed sources of a run with the reason, for the report. */
export async function failedSources(
  db: SqlExecutor,
  runId: string,
): Promise<Array<{ sourceKey: string; detail: string | null }>> {
  const rows = await db.query<{ source_key: string; detail: string | null }>(
    `select source_key, detail from run_sources where run_id = $1 and status = 'failed'
     order by source_key`,
    [runId],
  );
  return rows.map((row) => ({ sourceKey: row.source_key, detail: row.detail }));
}

/**
 * Document ids an earlier run produced from identical source bytes under identical
 * settings, so their processing need not be redone. Undefined when any of its items
 * was dropped as a duplicate there (no stored document to reuse).
 */
export async function findReusableSource(
  db: SqlExecutor,
  sourceHash: string,
  settingsHash: string,
): Promise<Array<{ sourceUri: string; documentId: string }> | undefined> {
  const runs = await db.query<{ run_id: string; source_key: string }>(
    `select run_id, source_key from run_sources
     where source_hash = $1 and settings_hash = $2 and status = 'done' limit 1`,
    [sourceHash, settingsHash],
  );
  const run = runs[0];
  if (!run) return undefined;
  const items = await db.query<{ source_uri: string; document_id: string | null }>(
    'select source_uri, document_id from run_items where run_id = $1 and source_key = $2',
    [run.run_id, run.source_key],
  );
  if (items.some((item) => item.document_id === null)) return undefined;
  return items.map((item) => ({ sourceUri: item.source_uri, documentId: item.document_id! }));
}

/** How many sources a run finished and how many failed. */
export async function sourceCounts(
  db: SqlExecutor,
  runId: string,
): Promise<{ done: number; failed: number }> {
  const rows = await db.query<{ status: string; count: number }>(
    `select status, count(*)::int as count from run_sources where run_id = $1 group by status`,
    [runId],
  );
  const count = (status: string) => rows.find((row) => row.status === status)?.count ?? 0;
  return { done: count('done'), failed: count('failed') };
}

/** Hashes of every source finished under these settings, to skip lookups for new bytes. */
export async function knownSourceHashes(
  db: SqlExecutor,
  settingsHash: string,
): Promise<Set<string>> {
  const rows = await db.query<{ source_hash: string }>(
    `select distinct source_hash from run_sources where settings_hash = $1 and status = 'done'`,
    [settingsHash],
  );
  return new Set(rows.map((row) => row.source_hash));
}

/**
 * Drops kept documents of a run that newer near duplicates replaced: their items become
 * near duplicates of the replacement.
 */
export async function markSuperseded(
  db: SqlExecutor,
  runId: string,
  supersessions: Array<{ documentId: string; by: string; similarity: number }>,
): Promise<void> {
  if (supersessions.length === 0) return;
  await db.query(
    `update run_items as item
     set status = 'near-duplicate', duplicate_of = change.by, similarity = change.similarity,
         document_id = null
     from unnest($2::text[], $3::text[], $4::real[]) as change(document_id, by, similarity)
     where item.run_id = $1 and item.document_id = change.document_id`,
    [
      runId,
      supersessions.map((change) => change.documentId),
      supersessions.map((change) => change.by),
      supersessions.map((change) => change.similarity),
    ],
  );
}
