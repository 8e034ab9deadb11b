/**
 * The inner loops of the exact index: one pass over all rows, skipping removed rows and
 * rows the filter rejects before scoring, so a filtered search never loses results.
 * @module
 */
import type { ChunkFilter } from '../types.js';
import { hammingDistance } from './binary-codes.js';
import { int8Dot } from './int8-codes.js';
import type { TopK } from './top-k.js';

export interface ScanRows {
  /** Chunk id per row; undefined marks a removed row. */
  ids: readonly (string | undefined)[];
  rowCount: number;
  filter: ChunkFilter | undefined;
}

/** Dot product of `query` with the row of `matrix` starting at `offset`. */
export function floatDot(query: Float32Array, matrix: Float32Array, offset: number): number {
  const length = query.length;
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  let position = 0;
  for (; position + 3 < length; position += 4) {
    sum0 += (query[position] as number) * (matrix[offset + position] as number);
    sum1 += (query[position + 1] as number) * (matrix[offset + position + 1] as number);
    sum2 += (query[position + 2] as number) * (matrix[offset + position + 2] as number);
    sum3 += (query[position + 3] as number) * (matrix[offset + position + 3] as number);
  }
  for (; position < length; position += 1) {
    sum0 += (query[position] as number) * (matrix[offset + position] as number);
  }
  return sum0 + sum1 + sum2 + sum3;
}

function isSkipped(rows: ScanRows, row: number): boolean {
  const id = rows.ids[row];
  return id === undefined || (rows.filter !== undefined && !rows.filter(id));
}

export function scanFloat32(query: Float32Array, matrix: Float32Array, rows: ScanRows, top: TopK) {
  const width = query.length;
  for (let row = 0; row < rows.rowCount; row += 1) {
    if (isSkipped(rows, row)) continue;
    const score = floatDot(query, matrix, row * width);
    if (score > top.threshold) top.push(score, row);
  }
}

/** Scores are the integer dot product rescaled by both vectors' scales: approximate cosines. */
export function scanInt8(
  query: { codes: Int8Array; scale: number },
  codes: Int8Array,
  scales: Float32Array,
  rows: ScanRows,
  top: TopK,
): void {
  const width = query.codes.length;
  const queryFactor = query.scale / (127 * 127);
  for (let row = 0; row < rows.rowCount; row += 1) {
    if (isSkipped(rows, row)) continue;
    const dot = int8Dot(query.codes, codes, row * width);
    const score = dot * (scales[row] as number) * queryFactor;
    if (score > top.threshold) top.push(score, row);
  }
}

/** Pushes the negated Hamming distance, so that the nearest codes rank first. */
export function scanBinary(query: Uint32Array, bits: Uint32Array, rows: ScanRows, top: TopK) {
  const words = query.length;
  for (let row = 0; row < rows.rowCount; row += 1) {
    if (isSkipped(rows, row)) continue;
    const score = -hammingDistance(query, bits, row * words);
    if (score > top.threshold) top.push(score, row);
  }
}
