import { MarkwerkError } from '../../core/errors.js';
import type { SqlExecutor } from '../sql-client.js';
import {
  documentFromRow,
  getChunks,
  type DocumentWithChunks,
  type StoredChunk,
} from './documents-repository.js';

export interface DatasetVersion<Card = Record<string, unknown>> {
  id: string;
  parentId: string | null;
  runId: string;
  createdAt: Date;
  card: Card;
}

export interface VersionMember {
  documentId: string;
  split: string;
}

interface VersionRow {
  id: string;
  parent_id: string | null;
  run_id: string;
  created_at: Date;
  card: Record<string, unknown>;
}

const fromRow = (row: VersionRow): DatasetVersion => ({
  id: row.id,
  parentId: row.parent_id,
  runId: row.run_id,
  createdAt: row.created_at,
  card: row.card,
});

const CURRENT_VERSION_KEY = 'current_version';

/**
 * Creates an immutable version with its members and makes it current. Call inside a
 * transaction: the version becomes visible all at once or not at all.
 */
export async function createVersion(
  db: SqlExecutor,
  version: Omit<DatasetVersion, 'createdAt'>,
  members: VersionMember[],
): Promise<void> {
  await db.query(
    `insert into dataset_versions (id, parent_id, run_id, card) values ($1, $2, $3, $4::jsonb)`,
    [version.id, version.parentId, version.runId, JSON.stringify(version.card)],
  );
  await db.query(
    `insert into version_documents (version_id, document_id, split)
     select $1, * from unnest($2::text[], $3::text[])`,
    [version.id, members.map((member) => member.documentId), members.map((m) => m.split)],
  );
  await setCurrentVersion(db, version.id);
}

export async function setCurrentVersion(db: SqlExecutor, versionId: string): Promise<void> {
  await db.query(
    `insert into workspace_state (key, value) values ($1, $2::jsonb)
     on conflict (key) do update set value = excluded.value`,
    [CURRENT_VERSION_KEY, JSON.stringify(versionId)],
  );
}

export async function currentVersionId(db: SqlExecutor): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>(
    'select value from workspace_state where key = $1',
    [CURRENT_VERSION_KEY],
  );
  return rows[0]?.value;
}

export async function listVersions(db: SqlExecutor): Promise<DatasetVersion[]> {
  const rows = await db.query<VersionRow>(
    'select * from dataset_versions order by created_at desc, id',
  );
  return rows.map(fromRow);
}

export async function findVersion(
  db: SqlExecutor,
  id: string,
): Promise<DatasetVersion | undefined> {
  const rows = await db.query<VersionRow>('select * from dataset_versions where id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

/**
 * A version by full id, unique id prefix, or `current`. Throws a helpful error when
 * nothing or more than one version matches.
 */
export async function resolveVersion(db: SqlExecutor, reference: string): Promise<DatasetVersion> {
  const id = reference === 'current' ? await currentVersionId(db) : reference;
  if (id === undefined) {
    throw new MarkwerkError(
      'DATASET_NOT_FOUND',
      'This workspace has no dataset version yet. Run `markwerk ingest PATH` first.',
    );
  }
  const rows = await db.query<VersionRow>(
    `select * from dataset_versions where id like $1 || '%' order by id limit 2`,
    [id.toLowerCase()],
  );
  if (rows.length === 1) return fromRow(rows[0]!);
  throw new MarkwerkError(
    'DATASET_NOT_FOUND',
    rows.length === 0
      ? `No dataset version matches "${reference}". List them with \`markwerk datasets list\`.`
      : `"${reference}" matches several versions; give more characters of the id.`,
    { details: { reference }, exitCode: 2 },
  );
}

export async function versionMembers(db: SqlExecutor, versionId: string): Promise<VersionMember[]> {
  const rows = await db.query<{ document_id: string; split: string }>(
    'select document_id, split from version_documents where version_id = $1 order by document_id',
    [versionId],
  );
  return rows.map((row) => ({ documentId: row.document_id, split: row.split }));
}

/**
 * Streams a version's documents with their chunks and split, a page at a time, so
 * exporting a large version keeps memory flat.
 */
export async function* versionDocuments(
  db: SqlExecutor,
  versionId: string,
  pageSize = 500,
): AsyncGenerator<DocumentWithChunks & { split: string }> {
  let after = '';
  for (;;) {
    const rows = await db.query<Parameters<typeof documentFromRow>[0] & { split: string }>(
      `select d.*, v.split from version_documents v join documents d on d.id = v.document_id
       where v.version_id = $1 and v.document_id > $2 order by v.document_id limit $3`,
      [versionId, after, pageSize],
    );
    if (rows.length === 0) return;
    const chunksByDocument = new Map<string, StoredChunk[]>();
    for (const chunk of await getChunks(
      db,
      rows.map((row) => row.id),
    )) {
      const list = chunksByDocument.get(chunk.documentId) ?? [];
      list.push(chunk);
      chunksByDocument.set(chunk.documentId, list);
    }
    for (const row of rows) {
      const chunks = chunksByDocument.get(row.id) ?? [];
      yield { ...documentFromRow(row), split: row.split, chunks };
    }
    after = rows[rows.length - 1]!.id;
  }
}
