import type { Block, ExtractedDocument, MetadataValue } from '../types.js';
import { fileTitle } from './file-title.js';
import { normaliseLanguage } from './language-tag.js';
import type { SourceRecord } from './record-sources.js';
import { metadataValue, valueBlocks, valueText } from './record-values.js';

/**
 * A record without a feed mapping → one 'record' document, guessing title, body and
 * language from common field names.
 * @module
 */

const titleFields = ['title', 'name', 'subject', 'id'];
const bodyFields = ['text', 'body', 'content', 'description', 'message'];
const languageFields = ['lang', 'language'];

/** The actual key for each lower-cased field name, so `Title` and `title` both count. */
function keysByLowerName(values: Record<string, unknown>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of Object.keys(values)) {
    if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  }
  return keys;
}

/**
 * Map a record that no feed describes. Title: the first of title/name/subject/id;
 * body: text/body/content/description/message, else every string field as
 * "key: value" lines; language: a lang/language field; the rest becomes metadata.
 *
 * @param file the relative path, used in `sourceUri`
 */
export function plainRecordDocument(record: SourceRecord, file: string): ExtractedDocument {
  const { values } = record;
  const keys = keysByLowerName(values);
  const used = new Set<string>();
  const take = (names: string[]) =>
    names
      .map((name) => keys.get(name))
      .filter((key): key is string => key !== undefined && valueText(values[key]) !== '');

  const titleKey = take(titleFields)[0];
  if (titleKey) used.add(titleKey);
  const languageKey = take(languageFields)[0];
  if (languageKey) used.add(languageKey);

  let blocks: Block[] = [];
  for (const key of take(bodyFields).filter((key) => typeof values[key] === 'string')) {
    used.add(key);
    blocks.push(...valueBlocks(values[key]));
  }
  if (blocks.length === 0) {
    const lines = Object.entries(values)
      .filter(([key, value]) => !used.has(key) && typeof value === 'string' && value.trim())
      .map(([key, value]) => {
        used.add(key);
        return `${key}: ${String(value).trim()}`;
      });
    blocks = lines.length > 0 ? [{ type: 'paragraph', text: lines.join('\n') }] : [];
  }

  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!used.has(key)) metadata[key] = metadataValue(value);
  }
  const idKey = keys.get('id');
  const id = idKey === undefined ? '' : valueText(values[idKey]);
  const language = languageKey ? normaliseLanguage(values[languageKey]) : undefined;

  return {
    sourceUri: id ? `${file}#id=${encodeURIComponent(id)}` : `${file}#record=${record.ordinal}`,
    kind: 'record',
    title: titleKey ? valueText(values[titleKey]) : `${fileTitle(file)} #${record.ordinal}`,
    blocks,
    ...(language ? { language } : {}),
    metadata,
    warnings: [],
  };
}
