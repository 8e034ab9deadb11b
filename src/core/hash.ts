import { createHash } from 'node:crypto';

/** Hex SHA-256 of a string or bytes. */
export function sha256(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/**
 * A stable hash of a JSON-like value: object keys are sorted, so two equal values
 * hash the same whatever order their keys were written in.
 */
export function hashValue(value: unknown): string {
  return sha256(stableStringify(value));
}

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const members = entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`);
  return `{${members.join(',')}}`;
}

/** A short, readable prefix of a hex id, as git shows commits. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}
