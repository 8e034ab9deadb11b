import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MarkwerkError } from '../../core/errors.js';
import { sha256 } from '../../core/hash.js';

/** What an index folder holds, with a checksum per file. */
export interface IndexManifest {
  formatVersion: number;
  versionId: string;
  embedder: { modelId: string; revision: string; dimension: number } | null;
  chunkCount: number;
  createdAt: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

export const INDEX_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';

/**
 * Writes index files and their manifest. Files go to a new folder that replaces the old
 * one only when everything is written, so a crash never leaves a half-written index.
 */
export async function writeIndexFiles(
  folder: string,
  manifest: Omit<IndexManifest, 'files' | 'formatVersion'>,
  files: Record<string, Uint8Array>,
): Promise<IndexManifest> {
  const staging = `${folder}.writing-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const entries: IndexManifest['files'] = {};
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
    await writeFile(path.join(staging, name), bytes);
    entries[name] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  const complete: IndexManifest = {
    ...manifest,
    formatVersion: INDEX_FORMAT_VERSION,
    files: entries,
  };
  await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(complete, null, 2)}\n`);

  const previous = `${folder}.old-${process.pid}`;
  await rename(folder, previous).catch(() => undefined);
  await mkdir(path.dirname(folder), { recursive: true });
  await rename(staging, folder);
  await rm(previous, { recursive: true, force: true });
  return complete;
}

/** Why an index on disk cannot be served. */
export type IndexProblem = 'missing' | 'corrupt' | 'outdated-format';

export class IndexUnusableError extends MarkwerkError {
  constructor(
    readonly problem: IndexProblem,
    message: string,
    details: Record<string, unknown>,
  ) {
    super('STORE_FAILED', message, { details: { problem, ...details } });
  }
}

/**
 * Reads an index folder and verifies every file against its checksum. A missing,
 * truncated or altered file is an `IndexUnusableError`: the caller rebuilds instead of
 * serving it.
 */
export async function readIndexFiles(
  folder: string,
): Promise<{ manifest: IndexManifest; files: Record<string, Uint8Array> }> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST), 'utf8')) as IndexManifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new IndexUnusableError(
      missing ? 'missing' : 'corrupt',
      missing ? `No index in ${folder}.` : `The index manifest in ${folder} is unreadable.`,
      { folder },
    );
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexUnusableError('outdated-format', `The index in ${folder} has an old format.`, {
      folder,
      formatVersion: manifest.formatVersion,
    });
  }

  const files: Record<string, Uint8Array> = {};
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = await readFile(path.join(folder, name)).catch(() => undefined);
    if (!bytes || bytes.byteLength !== expected.bytes || sha256(bytes) !== expected.sha256) {
      throw new IndexUnusableError(
        'corrupt',
        `Index file ${name} in ${folder} fails its checksum.`,
        {
          folder,
          file: name,
        },
      );
    }
    files[name] = bytes;
  }
  return { manifest, files };
}
