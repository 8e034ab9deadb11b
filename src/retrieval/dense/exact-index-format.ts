/**
 * The byte layout of a serialised exact index: the magic "MWDX", a format version and a
 * header length (little-endian uint32 each), the JSON header (options and ids in row order),
 * zero padding to a multiple of 4, then each stored matrix's rows back to back.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';
import type { Quantization } from './vector-index.js';

export interface ExactIndexHeader {
  dimension: number;
  quantization: Quantization;
  binaryRescore: number;
  ids: string[];
}

const MAGIC = 0x5844574d; // "MWDX" read as a little-endian uint32
const FORMAT_VERSION = 1;
const PREFIX_BYTES = 12;

export function encodeExactIndex(header: ExactIndexHeader, matrices: Uint8Array[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = PREFIX_BYTES + Math.ceil(json.length / 4) * 4;
  const bodyLength = matrices.reduce((total, matrix) => total + matrix.length, 0);
  const bytes = new Uint8Array(bodyStart + bodyLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, PREFIX_BYTES);
  let offset = bodyStart;
  for (const matrix of matrices) {
    bytes.set(matrix, offset);
    offset += matrix.length;
  }
  return bytes;
}

export function decodeExactIndex(bytes: Uint8Array): {
  header: ExactIndexHeader;
  body: Uint8Array;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < PREFIX_BYTES || view.getUint32(0, true) !== MAGIC) {
    throw malformedIndex('it does not start with the exact-index magic bytes');
  }
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) {
    throw malformedIndex(`it has format version ${version}; this build reads ${FORMAT_VERSION}`);
  }
  const jsonLength = view.getUint32(8, true);
  const bodyStart = PREFIX_BYTES + Math.ceil(jsonLength / 4) * 4;
  if (bodyStart > bytes.length) throw malformedIndex('it is shorter than its header says');

  const json = new TextDecoder().decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + jsonLength));
  return { header: JSON.parse(json) as ExactIndexHeader, body: bytes.subarray(bodyStart) };
}

/** The error for an index file that cannot be read; it says to rebuild. */
export function malformedIndex(reason: string): MarkwerkError {
  return new MarkwerkError(
    'INPUT_MALFORMED',
    `Cannot read the dense index: ${reason}. Rebuild the index from the stored embeddings.`,
    { details: { reason } },
  );
}
