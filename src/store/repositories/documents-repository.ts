import type { Chunk, DocumentKind, MetadataValue } from '../../core/documents.js';
import type { SqlExecutor } from '../sql-client.js';

/** A processed document as stored: content-addressed and never changed afterwards. */
export interface StoredDocument {
  id: string;
  contentHash: string;
  sourceUri: string;
  kind: DocumentKind;
  title: string;
  language: string;
  languageConfidence: number;
  category: string | null;
  body: string;
  metadata: Record<string, MetadataValue>;
  piiCounts: Record<string, number>;
  warnings: string[];
  minhash: Uint8Array | null;
}

export interface DocumentWithChunks extends StoredDocument {
  chunks: Chunk[];
}

const DOCUMENT_COLUMNS =
  'id, content_hash, source_uri, kind, title, language, language_confidence, category, body, ' +
  'metadata, pii_counts, warnings, minhash';

/**
 * Inserts documents and their chunks. Rows are sent as arrays through `unnest`, one
 * statement per table, which is far cheaper than a statement per row. A document that
 * already exists (same content address) is left as it is.
 */
export async function insertDocuments(db: SqlExecutor, documents: DocumentWithChunks[]) {
  if (documents.length === 0) return;
  const column = <T>(pick: (document: DocumentWithChunks) => T) => documents.map(pick);

  await db.query(
    `insert into documents (${DOCUMENT_COLUMNS})
     select id, content_hash, source_uri, kind, title, language, language_confidence, category,
            body, metadata::jsonb, pii_counts::jsonb, warnings::jsonb, decode(minhash, 'hex')
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                 $7::real[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                 $13::text[])
       as u(id, content_hash, source_uri, kind, title, language, language_confidence, category,
            body, metadata, pii_counts, warnings, minhash)
     on conflict (id) do nothing`,
    [
      column((d) => d.id),
      column((d) => d.contentHash),
      column((d) => d.sourceUri),
      column((d) => d.kind),
      column((d) => d.title),
      column((d) => d.language),
      column((d) => d.languageConfidence),
      column((d) => d.category),
      column((d) => d.body),
      column((d) => JSON.stringify(d.metadata)),
      column((d) => JSON.stringify(d.piiCounts)),
      column((d) => JSON.stringify(d.warnings)),
      column((d) => (d.minhash ? Buffer.from(d.minhash).toString('hex') : null)),
    ],
  );

  const chunks = documents.flatMap((document) =>
    document.chunks.map((chunk) => ({ documentId: document.id, ...chunk })),
  );
  if (chunks.length === 0) return;
  await db.query(
    `insert into chunks (id, document_id, ordinal, body, token_count, heading_path)
     select document_id || ':' || ordinal, document_id, ordinal, body, token_count,
            heading_path::jsonb
     from unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::text[])
       as u(document_id, ordinal, body, token_count, heading_path)
     on conflict (id) do nothing`,
    [
      chunks.map((chunk) => chunk.documentId),
      chunks.map((chunk) => chunk.ordinal),
      chunks.map((chunk) => chunk.text),
      chunks.map((chunk) => chunk.tokenCount),
      chunks.map((chunk) => JSON.stringify(chunk.headingPath)),
    ],
  );
}

interface DocumentRow {
  id: string;
  content_hash: string;
  source_uri: string;
  kind: DocumentKind;
  title: string;
  language: string;
  language_confidence: number;
  category: string | null;
  body: string;
  metadata: Record<string, MetadataValue>;
  pii_counts: Record<string, number>;
  warnings: string[];
  minhash: Uint8Array | null;
}

export function documentFromRow(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    contentHash: row.content_hash,
    sourceUri: row.source_uri,
    kind: row.kind,
    title: row.title,
    language: row.language,
    languageConfidence: row.language_confidence,
    category: row.category,
    body: row.body,
    metadata: row.metadata,
    piiCounts: row.pii_counts,
    warnings: row.warnings,
    minhash: row.minhash ? new Uint8Array(row.minhash) : null,
  };
}

/** Documents by id, in no particular order. */
export async function getDocuments(db: SqlExecutor, ids: string[]): Promise<StoredDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<DocumentRow>(
    `select ${DOCUMENT_COLUMNS} from documents where id = any($1::text[])`,
    [ids],
  );
  return rows.map(documentFromRow);
}

export interface StoredChunk extends Chunk {
  id: string;
  documentId: string;
}

/** The chunks of the given documents, ordered by document and position. */
export async function getChunks(db: SqlExecutor, documentIds: string[]): Promise<StoredChunk[]> {
  if (documentIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    document_id: string;
    ordinal: number;
    body: string;
    token_count: number;
    heading_path: string[];
  }>(
    `select id, document_id, ordinal, body, token_count, heading_path from chunks
     where document_id = any($1::text[]) order by document_id, ordinal`,
    [documentIds],
  );
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    text: row.body,
    tokenCount: row.token_count,
    headingPath: row.heading_path,
  }));
}
