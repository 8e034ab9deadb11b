import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { ProductRecord } from '../generation-input.js';

const feedFile = fileURLToPath(new URL('../../../samples/feeds/products.csv', import.meta.url));

/** Every record of the sample product feed, keyed by SKU as the feed config says. */
export function sampleProducts(): ProductRecord[] {
  const rows = parse(readFileSync(feedFile, 'utf8'), { columns: true }) as Record<string, string>[];
  return rows.map((fields) => ({ id: fields.sku ?? '', fields }));
}
