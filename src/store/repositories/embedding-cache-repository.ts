import type { SqlExecutor } from '../sql-client.js';

/** Cached vectors by cache key (model, revision, kind and text hash, made by the caller). */
export async function getCachedVectors(
  db: SqlExecutor,
  keys: string[],
): Promise<Map<string, Float32Array>> {
  if (keys.length === 0) return new Map();
  const rows = await db.query<{ cache_key: string; vector: Uint8Array }>(
    'select cache_key, vector from embedding_cache where cache_key = any($1::text[])',
    [keys],
  );
  return new Map(rows.map((row) => [row.cache_key, bytesToVector(row.vector)]));
}

export async function putCachedVectors(
  db: SqlExecutor,
  entries: Array<{ key: string; modelId: string; revision: string; vector: Float32Array }>,
): Promise<void> {
  if (entries.length === 0) return;
  await db.query(
    `insert into embedding_cache (cache_key, model_id, revision, vector)
     select key, model_id, revision, decode(vector, 'hex')
     from unnest($1::text[], $2::text[], $3::text[], $4::text[])
       as u(key, model_id, revision, vector)
     on conflict (cache_key) do nothing`,
    [
      entries.map((entry) => entry.key),
      entries.map((entry) => entry.modelId),
      entries.map((entry) => entry.revision),
      entries.map((entry) =>
        Buffer.from(entry.vector.buffer, entry.vector.byteOffset, entry.vector.byteLength).toString(
          'hex',
        ),
      ),
    ],
  );
}

/** Copies the bytes: a Float32Array view needs 4-byte alignment, which pg's Buffers lack. */
function bytesToVector(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
