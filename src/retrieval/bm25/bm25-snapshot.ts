/**
 * The versioned binary format of a BM25 index: options, vocabulary and per-chunk term counts.
 * Postings are not stored; they are rebuilt from the term counts on load, so document
 * frequencies come back exact.
 * @module
 */

import { MarkwerkError } from '../../core/errors.js';
import { ByteReader, ByteWriter } from './byte-codec.js';
import { resolveBm25Options, type ResolvedBm25Options } from './bm25-options.js';

const MAGIC = [0x4d, 0x57, 0x42, 0x4d]; // "MWBM"
export const FORMAT_VERSION = 1;

/** One indexed chunk: its lengths and (term, title frequency, body frequency) triples. */
export interface SnapshotDocument {
  id: string;
  titleLength: number;
  bodyLength: number;
  /** Triples [termIndex, titleFrequency, bodyFrequency], term indexes ascending. */
  entries: Uint32Array;
}

export interface Bm25Snapshot {
  options: ResolvedBm25Options;
  terms: string[];
  documents: SnapshotDocument[];
}

/** Writes a snapshot; term indexes are delta-coded varints. */
export function encodeSnapshot(snapshot: Bm25Snapshot): Uint8Array {
  const writer = new ByteWriter();
  writer.bytes(Uint8Array.from(MAGIC));
  writer.varint(FORMAT_VERSION);
  writer.string(JSON.stringify(snapshot.options));
  writer.varint(snapshot.terms.length);
  for (const term of snapshot.terms) writer.string(term);
  writer.varint(snapshot.documents.length);

  for (const document of snapshot.documents) {
    writer.string(document.id);
    writer.varint(document.titleLength);
    writer.varint(document.bodyLength);
    writer.varint(document.entries.length / 3);
    let previous = 0;
    for (let index = 0; index < document.entries.length; index += 3) {
      const term = document.entries[index] ?? 0;
      writer.varint(term - previous);
      writer.varint(document.entries[index + 1] ?? 0);
      writer.varint(document.entries[index + 2] ?? 0);
      previous = term;
    }
  }
  return writer.finish();
}

/** Reads a snapshot written by {@link encodeSnapshot}; other bytes throw with what to do. */
export function decodeSnapshot(bytes: Uint8Array): Bm25Snapshot {
  const reader = new ByteReader(bytes);
  const magic = reader.bytes(MAGIC.length);
  if (!MAGIC.every((byte, index) => magic[index] === byte)) {
    throw new MarkwerkError(
      'INPUT_UNSUPPORTED',
      'These bytes are not a Markwerk BM25 index; pass the output of Bm25Index.serialise().',
    );
  }
  const version = reader.varint();
  if (version !== FORMAT_VERSION) {
    throw new MarkwerkError(
      'INPUT_UNSUPPORTED',
      `BM25 index format ${version} is not readable by this version (reads ${FORMAT_VERSION}); ` +
        'rebuild the index from the store.',
      { details: { version, supported: FORMAT_VERSION } },
    );
  }

  const options = resolveBm25Options(JSON.parse(reader.string()) as ResolvedBm25Options);
  const terms = Array.from({ length: reader.varint() }, () => reader.string());
  const documents = Array.from({ length: reader.varint() }, () => readDocument(reader));
  if (!reader.atEnd) throw new MarkwerkError('INPUT_MALFORMED', 'Extra bytes after the index.');
  return { options, terms, documents };
}

function readDocument(reader: ByteReader): SnapshotDocument {
  const id = reader.string();
  const titleLength = reader.varint();
  const bodyLength = reader.varint();
  const entries = new Uint32Array(reader.varint() * 3);
  let previous = 0;
  for (let index = 0; index < entries.length; index += 3) {
    previous += reader.varint();
    entries[index] = previous;
    entries[index + 1] = reader.varint();
    entries[index + 2] = reader.varint();
  }
  return { id, titleLength, bodyLength, entries };
}
