import type { RecordFeedConfig } from '../../core/config-schema.js';
import { InputError, MarkwerkError } from '../../core/errors.js';
import type { ExtractedDocument, MetadataValue } from '../types.js';
import type { SourceRecord } from './record-sources.js';
import { metadataValue, valueBlocks, valueText } from './record-values.js';

/**
 * A feed record → one document per configured language, through the feed's column
 * mapping. `{lang}` in a column name is replaced by each language.
 * @module
 */

function columnFor(template: string, language: string | undefined, feed: RecordFeedConfig) {
  if (language !== undefined) return template.replaceAll('{lang}', language);
  if (template.includes('{lang}')) {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `column "${template}" uses {lang} but the feed for "${feed.match}" lists no languages; ` +
        'add `languages` to the feed or name the column directly',
      { details: { key: 'ingest.feeds', match: feed.match, column: template } },
    );
  }
  return template;
}

/** The line where the format has lines, else the record's position in the file. */
function recordPosition(record: SourceRecord): { line: number } | { record: number } {
  return record.line === undefined ? { record: record.ordinal } : { line: record.line };
}

function requireColumns(columns: string[], record: SourceRecord, file: string): void {
  for (const column of columns) {
    if (Object.hasOwn(record.values, column)) continue;
    const header = Object.keys(record.values);
    throw new InputError(
      `column "${column}" named in the feed mapping is missing; found: ${header.join(', ')}. ` +
        'Fix the column name in the feed configuration or in the file',
      { file, ...recordPosition(record), column, header },
    );
  }
}

function sourceUriFor(file: string, idColumn: string, id: string, language?: string): string {
  const fragment = `${encodeURIComponent(idColumn)}=${encodeURIComponent(id)}`;
  return `${file}#${fragment}${language === undefined ? '' : `&lang=${language}`}`;
}

/**
 * Map one record through a feed. A language whose title and body are all empty
 * (no translation yet) yields no document.
 *
 * @param file the relative path, used in `sourceUri` and errors
 */
export function feedRecordDocuments(
  record: SourceRecord,
  feed: RecordFeedConfig,
  file: string,
): ExtractedDocument[] {
  const languages: (string | undefined)[] =
    feed.languages.length > 0 ? feed.languages : [undefined];
  const documents: ExtractedDocument[] = [];

  for (const language of languages) {
    const column = (template: string) => columnFor(template, language, feed);
    const titleColumn = column(feed.title);
    const bodyColumns = feed.body.map(column);
    const categoryColumn = feed.category === undefined ? undefined : column(feed.category);
    const metadataColumns = feed.metadata.map(column);
    requireColumns(
      [feed.id, titleColumn, ...bodyColumns, ...(categoryColumn ? [categoryColumn] : [])].concat(
        metadataColumns,
      ),
      record,
      file,
    );

    const id = valueText(record.values[feed.id]);
    if (id === '') {
      throw new InputError(`the record has no value in its id column "${feed.id}"`, {
        file,
        ...recordPosition(record),
      });
    }
    const title = valueText(record.values[titleColumn]);
    const blocks = bodyColumns.flatMap((name) => valueBlocks(record.values[name]));
    if (title === '' && blocks.length === 0) continue;

    const metadata: Record<string, MetadataValue> = { [feed.id]: id };
    for (const name of metadataColumns) metadata[name] = metadataValue(record.values[name]);
    const category = categoryColumn ? valueText(record.values[categoryColumn]) : '';

    documents.push({
      sourceUri: sourceUriFor(file, feed.id, id, language),
      kind: feed.kind,
      title: title || id,
      blocks,
      ...(language === undefined ? {} : { language }),
      ...(category === '' ? {} : { category }),
      metadata,
      warnings: [],
    });
  }
  return documents;
}
