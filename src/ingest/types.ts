/**
 * The shapes that flow through the ingest pipeline:
 * source item → extracted document (blocks) → normalised → chunks.
 * @module
 */

import type { Chunk, DocumentKind, MetadataValue } from '../core/documents.js';

export type { Chunk, DocumentKind, MetadataValue };

/** A structural unit of a document. Chunking keeps lists and tables whole where they fit. */
export type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'table'; rows: string[][] }
  | { type: 'code'; text: string };

/** One document as an extractor produced it, before normalisation. */
export interface ExtractedDocument {
  /**
   * Where it came from: a path relative to the ingested root, a URL, or for records
   * in a feed `products.csv#sku=TR-100&lang=de`.
   */
  sourceUri: string;
  kind: DocumentKind;
  title: string;
  blocks: Block[];
  /** Language given by the source (feed column, `<html lang>`); detection may override. */
  language?: string;
  /** Product category or similar, used later for disclaimers. */
  category?: string;
  metadata: Record<string, MetadataValue>;
  /** Problems fixed on the way, e.g. `encoding-repaired:windows-1252`. */
  warnings: string[];
}

/** A personal-data finding; offsets are UTF-16 indices into the text scanned. */
export interface PiiFinding {
  type: 'EMAIL' | 'PHONE' | 'IBAN' | 'CREDIT_CARD' | 'IP_ADDRESS';
  start: number;
  end: number;
  text: string;
}
