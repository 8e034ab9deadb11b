/**
 * Product records from a feed CSV, in the shape generation takes (`{ id, fields }`), for
 * callers that name products by id: golden sets, the demo, tests.
 * @module
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { InputError } from '../core/errors.js';
import type { ProductRecord } from './generation-input.js';

/**
 * Every record of a product feed by id. The id column is `sku` when the feed has one, else
 * `id`; every other column is a field, as generation reads it.
 * @throws InputError naming the file when it cannot be read or parsed.
 */
export function readProductFeed(file: string): Map<string, ProductRecord> {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(readFileSync(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new InputError(`cannot read the product feed: ${(error as Error).message}`, { file });
  }
  const idColumn = rows[0] && 'sku' in rows[0] ? 'sku' : 'id';
  return new Map(
    rows.map((fields) => {
      const id = fields[idColumn] ?? '';
      return [id, { id, fields }];
    }),
  );
}
