import { Readable } from 'node:stream';

import { CsvError, parse } from 'csv-parse';

import { InputError } from '../../core/errors.js';
import { jsonErrorLine } from './json-error-line.js';

/**
 * Records from CSV, JSON and JSON Lines text, one at a time, with the line each came
 * from where the format has lines. Malformed input throws `InputError`.
 * @module
 */

export type RecordFormat = 'csv' | 'json' | 'jsonl';

export interface SourceRecord {
  values: Record<string, unknown>;
  /** 1-based position of the record in the file. */
  ordinal: number;
  /** Line on which the record ends (CSV, JSONL); absent for JSON documents. */
  line?: number;
}

const chunkCharacters = 64 * 1024;

function* textChunks(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += chunkCharacters) {
    yield text.slice(start, start + chunkCharacters);
  }
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starting here is never closed; add the closing double quote';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a double quote is misplaced; quote the whole field and double quotes inside it ("")';
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'the row has a different number of fields than the header; check delimiters';
    default:
      return `the CSV cannot be read (${error.code})`;
  }
}

async function* csvRecords(text: string, file: string): AsyncGenerator<SourceRecord> {
  // The async iterator drops records still buffered when the parser fails, so the line
  // of the last good record is tracked as the parser produces it.
  let lastParsedLine = 1;
  const parser = parse({
    columns: true,
    trim: true,
    skip_empty_lines: true,
    relax_quotes: false,
    info: true,
    on_record: (record, context) => {
      lastParsedLine = context.lines;
      return record;
    },
  });
  Readable.from(textChunks(text)).pipe(parser);

  let ordinal = 0;
  try {
    for await (const entry of parser) {
      const { record, info } = entry as { record: Record<string, string>; info: { lines: number } };
      ordinal += 1;
      yield { values: record, ordinal, line: info.lines };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse reports an unclosed quote at the end of the file, not where it opened.
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED' || typeof error.lines !== 'number'
        ? lastParsedLine + 1
        : error.lines;
    throw new InputError(csvProblem(error), { file, line, cause: error.message });
  }
}

function asObject(value: unknown, file: string, where: { line?: number; ordinal: number }) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new InputError(`record ${where.ordinal} is not a JSON object; each record must be {…}`, {
    file,
    ...(where.line === undefined ? {} : { line: where.line }),
  });
}

function jsonArray(parsed: unknown, file: string): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  if (parsed !== null && typeof parsed === 'object') {
    const arrays = Object.entries(parsed).filter(([, value]) => Array.isArray(value));
    if (arrays.length === 1 && arrays[0]) return arrays[0][1] as unknown[];
    const keys = arrays.map(([key]) => key).join(', ') || 'none';
    throw new InputError(
      `expected an array of records or an object with exactly one array property (found: ${keys})`,
      { file },
    );
  }
  throw new InputError('expected an array of records or an object holding one', { file });
}

async function* jsonRecords(text: string, file: string): AsyncGenerator<SourceRecord> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const line = jsonErrorLine(text, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`invalid JSON (${reason}); fix the syntax near this line`, { file, line });
  }

  let ordinal = 0;
  for (const value of jsonArray(parsed, file)) {
    ordinal += 1;
    yield { values: asObject(value, file, { ordinal }), ordinal };
  }
}

async function* jsonLinesRecords(text: string, file: string): AsyncGenerator<SourceRecord> {
  let ordinal = 0;
  let line = 0;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    line += 1;
    if (raw.trim() === '') continue;

    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(`invalid JSON on this line (${reason}); each line must be one object`, {
        file,
        line,
      });
    }
    ordinal += 1;
    yield { values: asObject(value, file, { line, ordinal }), ordinal, line };
  }
}

/** Stream the records of a CSV, JSON or JSONL text; `file` names it in errors. */
export function readRecords(
  text: string,
  format: RecordFormat,
  file: string,
): AsyncGenerator<SourceRecord> {
  if (format === 'csv') return csvRecords(text, file);
  if (format === 'json') return jsonRecords(text, file);
  return jsonLinesRecords(text, file);
}
