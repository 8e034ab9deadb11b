import type { SqlExecutor } from '../sql-client.js';

export interface DocumentStatistics {
  documents: number;
  chunks: number;
  tokens: number;
  languages: Record<string, number>;
  kinds: Record<string, number>;
  categories: Record<string, number>;
  /** Personal-data findings masked, by type. */
  pii: Record<string, number>;
  /** Repairs made on the way in, e.g. `encoding-repaired:windows-1252`. */
  warnings: Record<string, number>;
}

/** Counts over a set of documents, computed by the database. */
export async function documentStatistics(
  db: SqlExecutor,
  documentIds: string[],
): Promise<DocumentStatistics> {
  const ids = [documentIds];
  const tally = async (sql: string) =>
    Object.fromEntries(
      (await db.query<{ key: string; count: number }>(sql, ids)).map((row) => [
        row.key,
        Number(row.count),
      ]),
    );

  const [totals] = await db.query<{ chunks: number; tokens: number | null }>(
    `select count(*)::int as chunks, sum(token_count)::int as tokens from chunks
     where document_id = any($1::text[])`,
    ids,
  );
  return {
    documents: documentIds.length,
    chunks: totals?.chunks ?? 0,
    tokens: totals?.tokens ?? 0,
    languages: await tally(
      `select language as key, count(*)::int as count from documents
       where id = any($1::text[]) group by language order by count desc, key`,
    ),
    kinds: await tally(
      `select kind as key, count(*)::int as count from documents
       where id = any($1::text[]) group by kind order by count desc, key`,
    ),
    categories: await tally(
      `select category as key, count(*)::int as count from documents
       where id = any($1::text[]) and category is not null
       group by category order by count desc, key`,
    ),
    pii: await tally(
      `select entry.key, sum(entry.value::int)::int as count
       from documents, jsonb_each_text(pii_counts) as entry
       where id = any($1::text[]) group by entry.key order by entry.key`,
    ),
    warnings: await tally(
      `select warning as key, count(*)::int as count
       from documents, jsonb_array_elements_text(warnings) as warning
       where id = any($1::text[]) group by warning order by warning`,
    ),
  };
}
