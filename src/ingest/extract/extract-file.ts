import type { RecordFeedConfig } from '../../core/config-schema.js';
import { MarkwerkError } from '../../core/errors.js';
import type { ExtractedDocument } from '../types.js';
import { decodeBytes } from './decode-text.js';
import type { DecodedText } from './decode-text.js';
import { matchesGlob } from './glob-pattern.js';
import { extractHtmlDocument } from './html.js';
import type { MainContentStrategy } from './html.js';
import { extractMarkdown } from './markdown.js';
import { extractPlainText } from './plain-text.js';
import type { RecordFormat } from './record-sources.js';
import { extractRecords } from './records.js';

/**
 * The entry point of extraction: bytes of a file or crawled page → documents.
 * @module
 */

export interface ExtractFileInput {
  /** Where the file lives on disk; reported in errors. */
  path: string;
  /** Path relative to the ingested root: the `sourceUri` and what feed globs match. */
  relativePath: string;
  bytes: Uint8Array;
  feeds: RecordFeedConfig[];
  /** Charset declared outside the file, if any. */
  charset?: string;
  mainContent?: MainContentStrategy;
}

const recordFormats: Record<string, RecordFormat> = { csv: 'csv', json: 'json', jsonl: 'jsonl' };
const supported = ['md', 'markdown', 'html', 'htm', 'txt', 'csv', 'json', 'jsonl'];

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Decoding repairs as document warnings, e.g. `encoding-repaired:windows-1252`. */
export function decodingWarnings(decoded: DecodedText): string[] {
  const warnings: string[] = [];
  if (decoded.repaired && !decoded.encoding.startsWith('utf-')) {
    warnings.push(`encoding-repaired:${decoded.encoding}`);
  }
  if (decoded.mojibakeRepaired) warnings.push('encoding-repaired:mojibake');
  return warnings;
}

function withWarnings(document: ExtractedDocument, warnings: string[]): ExtractedDocument {
  if (warnings.length === 0) return document;
  return { ...document, warnings: [...document.warnings, ...warnings] };
}

/**
 * Extract the documents of one file, chosen by extension: `.md`/`.markdown` →
 * article, `.html`/`.htm` → page, `.txt` → text, `.csv`/`.json`/`.jsonl` → records
 * (mapped by the first feed whose `match` glob fits `relativePath`).
 *
 * @throws MarkwerkError `INPUT_UNSUPPORTED` for other extensions; InputError for
 *   malformed content
 */
export async function* extractFile(input: ExtractFileInput): AsyncGenerator<ExtractedDocument> {
  const { relativePath } = input;
  const extension = extensionOf(relativePath);
  if (!supported.includes(extension)) {
    throw new MarkwerkError(
      'INPUT_UNSUPPORTED',
      `${relativePath}: cannot extract ".${extension}" files; convert it to one of ` +
        `${supported.map((name) => `.${name}`).join(', ')}, or exclude it with ingest.exclude`,
      { details: { file: relativePath, path: input.path, extension, supported } },
    );
  }

  const isHtml = extension === 'html' || extension === 'htm';
  const decoded = decodeBytes(input.bytes, { charset: input.charset, html: isHtml });
  const warnings = decodingWarnings(decoded);

  const format = recordFormats[extension];
  if (format) {
    const feed = input.feeds.find((candidate) => matchesGlob(relativePath, candidate.match));
    const documents = extractRecords({ text: decoded.text, relativePath, format, feed });
    for await (const document of documents) yield withWarnings(document, warnings);
    return;
  }

  let document: ExtractedDocument;
  if (isHtml) {
    const options = { sourceUri: relativePath, mainContent: input.mainContent };
    document = extractHtmlDocument(decoded.text, options);
  } else if (extension === 'txt') {
    document = extractPlainText(decoded.text, relativePath);
  } else {
    document = extractMarkdown(decoded.text, relativePath);
  }
  yield withWarnings(document, warnings);
}

/**
 * Extract a crawled HTML page. `charset` is the one the HTTP `Content-Type` declared;
 * the page's own `<meta charset>` is used when that is absent.
 */
export function extractHtml(
  bytes: Uint8Array,
  options: { url: string; charset?: string; mainContent?: MainContentStrategy },
): ExtractedDocument {
  const decoded = decodeBytes(bytes, { charset: options.charset, html: true });
  const document = extractHtmlDocument(decoded.text, {
    sourceUri: options.url,
    baseUrl: options.url,
    mainContent: options.mainContent,
  });
  return withWarnings(document, decodingWarnings(decoded));
}
