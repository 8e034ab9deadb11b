import type { SqlExecutor } from '../sql-client.js';

/** A complete generation result stored under its cache key, for one dataset version. */
export interface CachedGenerationRow {
  key: string;
  /** Empty for requests not grounded on a dataset. */
  datasetVersion: string;
  model: string;
  provider: string;
  template?: { id: string; version: number };
  result: Record<string, unknown>;
}

/** The stored result for `key`, only when it was stored for `datasetVersion`. */
export async function getCachedGeneration(
  db: SqlExecutor,
  key: string,
  datasetVersion: string,
): Promise<{ result: Record<string, unknown>; createdAt: Date } | undefined> {
  const [row] = await db.query<{ result: Record<string, unknown>; created_at: Date }>(
    `select result, created_at from generation_cache
     where cache_key = $1 and dataset_version = $2`,
    [key, datasetVersion],
  );
  return row ? { result: row.result, createdAt: row.created_at } : undefined;
}

/** Stores a result; one stored for an older dataset version under the same key is replaced. */
export async function putCachedGeneration(
  db: SqlExecutor,
  entry: CachedGenerationRow,
): Promise<void> {
  await db.query(
    `insert into generation_cache
       (cache_key, dataset_version, model, provider, template_id, template_version, result)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)
     on conflict (cache_key) do update set
       dataset_version = excluded.dataset_version, model = excluded.model,
       provider = excluded.provider, template_id = excluded.template_id,
       template_version = excluded.template_version, result = excluded.result,
       created_at = now()`,
    [
      entry.key,
      entry.datasetVersion,
      entry.model,
      entry.provider,
      entry.template?.id ?? null,
      entry.template?.version ?? null,
      JSON.stringify(entry.result),
    ],
  );
}

/**
 * Deletes results stored for dataset versions other than `keep`. Results of requests not
 * grounded on a dataset (empty version) stay unless `includeUnversioned` is set.
 * Returns how many were deleted.
 */
export async function deleteCachedGenerationsExcept(
  db: SqlExecutor,
  keep: string[],
  options: { includeUnversioned?: boolean } = {},
): Promise<number> {
  const rows = await db.query<{ cache_key: string }>(
    `delete from generation_cache
     where dataset_version <> all($1::text[]) and ($2::boolean or dataset_version <> '')
     returning cache_key`,
    [keep, options.includeUnversioned ?? false],
  );
  return rows.length;
}
