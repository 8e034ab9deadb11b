import type { Block, MetadataValue } from '../types.js';

/**
 * Turning record field values into text, blocks and metadata.
 * @module
 */

/** A field value as trimmed text; empty for null and missing values. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join('; ');
  return JSON.stringify(value);
}

/** Scalars stay as they are; arrays and objects are kept as JSON text. */
export function metadataValue(value: unknown): MetadataValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

const maximumListItemLength = 120;

/** "leicht; robust; wasserdicht" — several short parts and no sentences. */
function semicolonList(text: string): string[] | undefined {
  if (!text.includes(';')) return undefined;
  const parts = text.split(';').map((part) => part.trim());
  const looksLikeList =
    parts.length >= 2 &&
    parts.every((part) => part !== '' && part.length <= maximumListItemLength) &&
    !parts.some((part) => /[.!?]\s/.test(part));
  return looksLikeList ? parts : undefined;
}

/** Body blocks for one field: a list for arrays and semicolon lists, else paragraphs. */
export function valueBlocks(value: unknown): Block[] {
  if (Array.isArray(value)) {
    const items = value.map(valueText).filter(Boolean);
    return items.length > 0 ? [{ type: 'list', ordered: false, items }] : [];
  }

  const text = valueText(value);
  if (text === '') return [];
  const items = semicolonList(text);
  if (items) return [{ type: 'list', ordered: false, items }];
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', text: paragraph }));
}
