import { UsageError } from '../../core/errors.js';
import type { ChunkFilter } from '../types.js';

/** Fields a search can filter on, as `--filter key=value`. */
export const FILTER_KEYS = [
  'language',
  'source',
  'kind',
  'product',
  'category',
  'version',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type SearchFilters = Partial<Record<FilterKey, string[]>>;

/**
 * Parses `key=value` pairs; the same key given twice means either value. A value ending
 * in `*` matches by prefix (`source=knowledge/*`).
 */
export function parseFilters(pairs: string[]): SearchFilters {
  const filters: SearchFilters = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    const key = pair.slice(0, separator) as FilterKey;
    const value = pair.slice(separator + 1);
    if (separator <= 0 || value === '' || !FILTER_KEYS.includes(key)) {
      throw new UsageError(
        `Bad filter "${pair}": use key=value with key one of ${FILTER_KEYS.join(', ')}.`,
        { filter: pair },
      );
    }
    (filters[key] ??= []).push(value);
  }
  return filters;
}

/** A filter over chunk ids, given each chunk's fields; undefined when nothing is filtered. */
export function buildFilter(
  filters: SearchFilters,
  fieldsOf: (id: string) => Record<string, string> | undefined,
): ChunkFilter | undefined {
  const entries = Object.entries(filters).filter(([, values]) => values && values.length > 0);
  if (entries.length === 0) return undefined;
  return (id) => {
    const fields = fieldsOf(id);
    if (!fields) return false;
    return entries.every(([key, values]) => values!.some((value) => matches(fields[key], value)));
  };
}

function matches(actual: string | undefined, wanted: string): boolean {
  if (actual === undefined) return false;
  return wanted.endsWith('*') ? actual.startsWith(wanted.slice(0, -1)) : actual === wanted;
}
