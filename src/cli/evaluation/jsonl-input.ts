import { existsSync } from 'node:fs';
import { z } from 'zod';
import { InputError, UsageError } from '../../core/errors.js';
import { readJsonLines } from '../../evaluation/read-json-lines.js';

/**
 * Reads a JSON Lines file whose every line must match `schema`; a line that does not
 * stops with the file, the line number and what was wrong.
 */
export async function* validatedLines<T>(file: string, schema: z.ZodType<T>): AsyncGenerator<T> {
  if (!existsSync(file)) {
    throw new UsageError(`${file} does not exist; give a JSON Lines file with --jsonl.`, { file });
  }
  for await (const { value, line } of readJsonLines(file)) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
        .join('; ');
      throw new InputError(problems, { file, line });
    }
    yield parsed.data;
  }
}

/** An input line's id; `corpus` is taken by the summary line the commands write last. */
export const lineIdSchema = z
  .union([z.string(), z.number()])
  .refine((id) => id !== 'corpus', 'the id "corpus" is reserved for the summary line');

/** Writes one JSON document per line to stdout. */
export function writeLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
