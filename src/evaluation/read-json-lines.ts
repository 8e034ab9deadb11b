import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';

/** One parsed line of a JSON Lines file and its 1-based line number. */
export interface JsonLine {
  value: unknown;
  line: number;
}

/**
 * Streams a JSON Lines file one parsed line at a time, so a large corpus is never held as
 * one string. Blank lines are skipped; a line that is not valid JSON throws an InputError
 * naming the file and line.
 */
export async function* readJsonLines(file: string): AsyncGenerator<JsonLine> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });

  let line = 0;
  for await (const rawText of lines) {
    line += 1;
    const text = line === 1 ? rawText.replace(/^\uFEFF/, '') : rawText;
    if (text.trim() === '') continue;

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(`invalid JSON (${reason}); fix or remove this line`, { file, line });
    }
    yield { value, line };
  }
}
