import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { MarkwerkError } from '../../core/errors.js';
import {
  versionDocuments,
  type DatasetVersion,
} from '../../store/repositories/versions-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import type { DatasetCard } from './dataset-card.js';
import { renderHubCard } from './hub-card.js';

export interface ExportResult {
  folder: string;
  files: string[];
  documents: number;
  chunks: number;
}

/**
 * Writes a version as a folder the Hugging Face Hub accepts: `README.md` with the card
 * and its YAML metadata, and JSONL files per split for documents and for chunks. The
 * folder appears complete or not at all (written beside it, then renamed).
 */
export async function exportVersion(
  db: SqlExecutor,
  version: DatasetVersion,
  folder: string,
  options: { name?: string; overwrite?: boolean } = {},
): Promise<ExportResult> {
  const target = path.resolve(folder);
  if (existsSync(target) && !options.overwrite) {
    throw new MarkwerkError(
      'USAGE',
      `${target} already exists. Choose another --out folder or pass --force to replace it.`,
      { details: { folder: target }, exitCode: 2 },
    );
  }
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });

  const writers = new Map<string, WriteStream>();
  const writerFor = async (relative: string) => {
    let writer = writers.get(relative);
    if (writer === undefined) {
      await mkdir(path.dirname(path.join(staging, relative)), { recursive: true });
      writer = createWriteStream(path.join(staging, relative));
      writers.set(relative, writer);
    }
    return writer;
  };
  const write = async (relative: string, row: unknown) => {
    const writer = await writerFor(relative);
    if (!writer.write(`${JSON.stringify(row)}\n`)) await once(writer, 'drain');
  };

  let documents = 0;
  let chunks = 0;
  for await (const document of versionDocuments(db, version.id)) {
    documents += 1;
    await write(`data/documents/${document.split}.jsonl`, {
      id: document.id,
      source: document.sourceUri,
      kind: document.kind,
      title: document.title,
      language: document.language,
      category: document.category,
      text: document.body,
      metadata: document.metadata,
    });
    for (const chunk of document.chunks) {
      chunks += 1;
      await write(`data/chunks/${document.split}.jsonl`, {
        id: `${document.id}:${chunk.ordinal}`,
        document_id: document.id,
        ordinal: chunk.ordinal,
        heading_path: chunk.headingPath,
        language: document.language,
        text: chunk.text,
        tokens: chunk.tokenCount,
      });
    }
  }
  await Promise.all(
    [...writers.values()].map((writer) => new Promise((resolve) => writer.end(resolve))),
  );

  const card = version.card as unknown as DatasetCard;
  const name = options.name ?? `markwerk-${version.id.slice(0, 12)}`;
  await writeFile(path.join(staging, 'README.md'), renderHubCard(card, name));
  await writeFile(path.join(staging, 'dataset-card.json'), `${JSON.stringify(card, null, 2)}\n`);

  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  const files = ['README.md', 'dataset-card.json', ...[...writers.keys()].sort()];
  return { folder: target, files, documents, chunks };
}
