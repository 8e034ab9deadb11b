import type { RecordFeedConfig } from '../../core/config-schema.js';
import type { ExtractedDocument } from '../types.js';
import { feedRecordDocuments } from './feed-record.js';
import { plainRecordDocument } from './plain-record.js';
import { readRecords } from './record-sources.js';
import type { RecordFormat } from './record-sources.js';

/**
 * CSV, JSON and JSONL files → documents, one record at a time.
 * @module
 */

export interface RecordExtractionInput {
  text: string;
  /** Path relative to the ingested root; names the file in `sourceUri` and errors. */
  relativePath: string;
  format: RecordFormat;
  /** The feed whose `match` selected this file; without one, fields are guessed. */
  feed?: RecordFeedConfig;
}

/**
 * Stream the documents of a record file. With a feed, each record yields one
 * document per feed language; without, one 'record' document. Records are read
 * and mapped lazily, so a large file never exists as an array of documents.
 *
 * @throws InputError for malformed input or a mapped column the file lacks
 */
export async function* extractRecords(
  input: RecordExtractionInput,
): AsyncGenerator<ExtractedDocument> {
  const { feed, relativePath } = input;

  for await (const record of readRecords(input.text, input.format, relativePath)) {
    if (feed) yield* feedRecordDocuments(record, feed, relativePath);
    else yield plainRecordDocument(record, relativePath);
  }
}
