import type { SqlExecutor } from '../sql-client.js';

/** A chunk of a version with what search shows, filters on and cites. */
export interface CatalogChunk {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  headingPath: string[];
  title: string;
  language: string;
  sourceUri: string;
  kind: string;
  category: string | null;
}

interface DocumentRow {
  document_id: string;
  title: string;
  language: string;
  source_uri: string;
  kind: string;
  category: string | null;
}

/**
 * Streams every chunk of a version, a page of documents at a time (both queries walk an
 * index, so the cost stays linear in the size of the version).
 */
export async function* versionChunks(
  db: SqlExecutor,
  versionId: string,
  documentsPerPage = 500,
): AsyncGenerator<CatalogChunk> {
  let after = '';
  for (;;) {
    const documents = await db.query<DocumentRow>(
      `select v.document_id, d.title, d.language, d.source_uri, d.kind, d.category
       from version_documents v join documents d on d.id = v.document_id
       where v.version_id = $1 and v.document_id > $2
       order by v.document_id limit $3`,
      [versionId, after, documentsPerPage],
    );
    if (documents.length === 0) return;
    const byId = new Map(documents.map((document) => [document.document_id, document]));
    const chunks = await db.query<{
      id: string;
      document_id: string;
      ordinal: number;
      body: string;
      heading_path: string[];
    }>(
      `select id, document_id, ordinal, body, heading_path from chunks
       where document_id = any($1::text[]) order by document_id, ordinal`,
      [documents.map((document) => document.document_id)],
    );
    for (const chunk of chunks) {
      const document = byId.get(chunk.document_id)!;
      yield {
        id: chunk.id,
        documentId: chunk.document_id,
        ordinal: chunk.ordinal,
        text: chunk.body,
        headingPath: chunk.heading_path,
        title: document.title,
        language: document.language,
        sourceUri: document.source_uri,
        kind: document.kind,
        category: document.category,
      };
    }
    after = documents[documents.length - 1]!.document_id;
  }
}
