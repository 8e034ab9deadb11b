import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { readStdin } from '../../core/read-stdin.js';

/**
 * The exact text of a file, or of stdin for `-`, decoded as UTF-8 and otherwise untouched,
 * so finding offsets point into what the caller gave.
 */
export async function readText(file: string): Promise<string> {
  if (file === '-') return readStdin();
  if (!existsSync(file)) {
    throw new UsageError(`${file} does not exist; give a text file, or - to read stdin.`, {
      file,
    });
  }
  return readFileSync(file, 'utf8');
}
