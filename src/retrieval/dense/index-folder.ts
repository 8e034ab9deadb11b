/**
 * A saved index is a folder: `manifest.json` names the kind, the options and the data files.
 * Data files get fresh names on every save and the manifest is replaced by a rename, so a
 * crash mid-save leaves the previous manifest and its files intact; files of earlier saves
 * are deleted only after the new manifest is in place.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MarkwerkError } from '../../core/errors.js';
import type { VectorIndexKind } from './vector-index.js';

export interface IndexManifest {
  format: 'markwerk-dense-index';
  version: 1;
  kind: VectorIndexKind;
  dimension: number;
  /** Data file name per role, relative to the folder. */
  files: Record<string, string>;
  [option: string]: unknown;
}

const MANIFEST = 'manifest.json';
const DATA_FILE = /^[a-z]+-[0-9a-z]+-[0-9a-f]{6}\.bin$/;

/** Writes each data file through its writer, then the manifest, then removes stale files. */
export async function writeIndexFolder(
  folder: string,
  options: { kind: VectorIndexKind; dimension: number; [option: string]: unknown },
  writers: Record<string, (filePath: string) => Promise<unknown>>,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const stamp = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const files: Record<string, string> = {};
  for (const [role, write] of Object.entries(writers)) {
    files[role] = `${role}-${stamp}.bin`;
    await write(path.join(folder, files[role]));
  }

  const manifest: IndexManifest = { format: 'markwerk-dense-index', version: 1, ...options, files };
  const temporary = path.join(folder, `${MANIFEST}.${stamp}.tmp`);
  await writeFile(temporary, `${JSON.stringify(manifest)}\n`);
  await rename(temporary, path.join(folder, MANIFEST));

  const current = new Set(Object.values(files));
  for (const name of await readdir(folder)) {
    if (DATA_FILE.test(name) && !current.has(name)) await rm(path.join(folder, name));
  }
}

/** Reads and checks `manifest.json` in `folder`. */
export async function readIndexManifest(folder: string): Promise<IndexManifest> {
  const file = path.join(folder, MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `No dense index in ${folder} (cannot read ${MANIFEST}); build the index first.`,
      { details: { file }, cause: error },
    );
  }
  const manifest = JSON.parse(text) as Partial<IndexManifest>;
  if (manifest.format !== 'markwerk-dense-index' || manifest.version !== 1) {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      `${file} is not a version 1 Markwerk dense index manifest; rebuild the index.`,
      { details: { file, format: manifest.format, version: manifest.version } },
    );
  }
  return manifest as IndexManifest;
}

/** Absolute path of the data file that the manifest names for `role`. */
export function indexFile(folder: string, manifest: IndexManifest, role: string): string {
  const name = manifest.files[role];
  if (name === undefined) {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      `The dense index manifest in ${folder} names no "${role}" file; rebuild the index.`,
      { details: { folder, role } },
    );
  }
  return path.join(folder, name);
}
