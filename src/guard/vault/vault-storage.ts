/**
 * Where a vault keeps its encrypted entries: a JSON file, or memory for tests.
 * @module
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Loads and saves the vault's serialised, already encrypted document. */
export interface VaultStorage {
  /** Where the document lives (a file path), for error messages. */
  location?: string;
  /** The saved document, or `undefined` when nothing was saved yet. */
  load: () => Promise<string | undefined>;
  save: (document: string) => Promise<void>;
}

/** A vault file, written to a temporary file first and renamed, readable by the owner only. */
export function fileVaultStorage(file: string): VaultStorage {
  return {
    location: file,
    load: async () => {
      try {
        return await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    save: async (document) => {
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, document, { mode: 0o600 });
      await rename(temporary, file);
    },
  };
}

/** Keeps the document in memory; `document()` shows what would be on disk. */
export function memoryVaultStorage(initial?: string): VaultStorage & {
  document: () => string | undefined;
} {
  let saved = initial;
  return {
    load: () => Promise.resolve(saved),
    save: (document) => {
      saved = document;
      return Promise.resolve();
    },
    document: () => saved,
  };
}
