import { existsSync, readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';

/**
 * The exact text of a file, or of stdin for `-`, decoded as UTF-8 and otherwise untouched,
 * so finding offsets point into what the caller gave.
 */
export async function readText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks).toString('utf8');
  }
  if (!existsSync(file)) {
    throw new UsageError(`${file} does not exist; give a text file, or - to read stdin.`, {
      file,
    });
  }
  return readFileSync(file, 'utf8');
}
