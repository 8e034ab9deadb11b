import { writeFile } from 'node:fs/promises';
import type { ScoredHit } from '../types.js';
import { binaryWords, cosineFromHamming, encodeBinary } from './binary-codes.js';
import { floatDot, scanBinary, scanFloat32, scanInt8, type ScanRows } from './exact-scan.js';
import { decodeExactIndex, encodeExactIndex, malformedIndex } from './exact-index-format.js';
import { writeIndexFolder } from './index-folder.js';
import { encodeInt8 } from './int8-codes.js';
import { float32Rows, int8Rows, uint32Rows, type RowMatrix } from './row-matrix.js';
import { TopK } from './top-k.js';
import { assertUnitVector, assertWholeNumber } from './vector-checks.js';
import type { Quantization, VectorIndex, VectorSearchOptions } from './vector-index.js';

export interface ExactIndexOptions {
  dimension: number;
  /** Default 'none' (float32). */
  quantization?: Quantization;
  /**
   * Binary only: candidates re-scored with float32 vectors per requested hit (default 10).
   * With 0 no float32 copy is kept (64 bytes per 512-d vector) and scores are estimates.
   */
  binaryRescore?: number;
}

const FIRST_CAPACITY = 64;
/** Compaction runs once this many rows are removed and they are at least half of all rows. */
const COMPACT_AFTER = 64;

/**
 * Brute-force cosine search over contiguous matrices. Removal marks a row dead (its id
 * becomes undefined); dead rows are squeezed out when they make up half of the matrix.
 */
export class ExactVectorIndex implements VectorIndex {
  readonly kind = 'exact';
  readonly dimension: number;
  readonly quantization: Quantization;
  readonly binaryRescore: number;
  private ids: (string | undefined)[] = [];
  private rowTotal = 0;
  private readonly floats: RowMatrix<Float32Array> | undefined;
  private readonly codes: RowMatrix<Int8Array> | undefined;
  private readonly scales: RowMatrix<Float32Array> | undefined;
  private readonly bits: RowMatrix<Uint32Array> | undefined;
  private rowById = new Map<string, number>();
  private capacity = FIRST_CAPACITY;

  constructor(options: ExactIndexOptions) {
    assertWholeNumber(options.dimension, 1, 'dimension');
    this.dimension = options.dimension;
    this.quantization = options.quantization ?? 'none';
    this.binaryRescore = this.quantization === 'binary' ? (options.binaryRescore ?? 10) : 0;
    assertWholeNumber(this.binaryRescore, 0, 'binaryRescore');
    const keepFloats = this.quantization === 'none' || this.binaryRescore > 0;
    this.floats = keepFloats ? float32Rows(this.dimension, this.capacity) : undefined;
    const int8 = this.quantization === 'int8';
    this.codes = int8 ? int8Rows(this.dimension, this.capacity) : undefined;
    this.scales = int8 ? float32Rows(1, this.capacity) : undefined;
    const binary = this.quantization === 'binary';
    this.bits = binary ? uint32Rows(binaryWords(this.dimension), this.capacity) : undefined;
  }

  get size(): number {
    return this.rowById.size;
  }

  /** Rows in the matrices, removed ones included until the next compaction. */
  get rowCount(): number {
    return this.rowTotal;
  }

  /** Bytes of vector data stored per vector (ids and the id map not counted). */
  get bytesPerVector(): number {
    return this.matrices().reduce((total, matrix) => total + matrix.bytesPerRow, 0);
  }

  /** The stored matrices in a fixed order: float32, int8 codes, int8 scales, sign bits. */
  private matrices(): RowMatrix<Float32Array | Int8Array | Uint32Array>[] {
    return [this.floats, this.codes, this.scales, this.bits].filter((matrix) => !!matrix);
  }

  has(id: string): boolean {
    return this.rowById.has(id);
  }

  vectorOf(id: string): Float32Array | undefined {
    const row = this.rowById.get(id);
    if (row === undefined) return undefined;
    const start = row * this.dimension;
    if (this.floats) return this.floats.data.slice(start, start + this.dimension);
    if (!this.codes || !this.scales) return undefined;
    // encodeInt8 maps the largest magnitude (the stored scale) to code 127.
    const step = this.scales.data[row]! / 127;
    const codes = this.codes.data.subarray(start, start + this.dimension);
    return Float32Array.from(codes, (code) => code * step);
  }

  add(id: string, vector: Float32Array): void {
    assertUnitVector(vector, this.dimension, 'vector');
    let row = this.rowById.get(id);
    if (row === undefined) {
      if (this.rowCount === this.capacity) this.resize(Math.max(this.capacity * 2, FIRST_CAPACITY));
      row = this.rowCount;
      this.rowTotal += 1;
      this.ids[row] = id;
      this.rowById.set(id, row);
    }
    this.writeRow(row, vector);
  }

  remove(id: string): boolean {
    const row = this.rowById.get(id);
    if (row === undefined) return false;

    this.ids[row] = undefined;
    this.rowById.delete(id);
    const dead = this.rowCount - this.rowById.size;
    if (dead >= COMPACT_AFTER && dead * 2 >= this.rowCount) this.compact();
    return true;
  }

  search(vector: Float32Array, options: VectorSearchOptions): ScoredHit[] {
    assertUnitVector(vector, this.dimension, 'query vector');
    assertWholeNumber(options.k, 0, 'k');
    const k = Math.min(options.k, this.size);
    if (k === 0) return [];

    const rows: ScanRows = { ids: this.ids, rowCount: this.rowCount, filter: options.filter };
    const top = new TopK(k);
    if (this.codes && this.scales) {
      const queryCodes = new Int8Array(this.dimension);
      const scale = encodeInt8(vector, queryCodes, 0);
      scanInt8({ codes: queryCodes, scale }, this.codes.data, this.scales.data, rows, top);
    } else if (this.bits) {
      return this.searchBinary(vector, k, rows, this.bits.data);
    } else if (this.floats) {
      scanFloat32(vector, this.floats.data, rows, top);
    }
    return top.sorted().map(({ score, row }) => ({ id: this.ids[row] as string, score }));
  }

  async save(folder: string): Promise<void> {
    const bytes = this.serialise();
    await writeIndexFolder(
      folder,
      { kind: this.kind, dimension: this.dimension },
      {
        vectors: (path) => writeFile(path, bytes),
      },
    );
  }

  /** The live vectors in one self-describing byte array; see `ExactVectorIndex.deserialise`. */
  serialise(): Uint8Array {
    this.compact();
    const header = {
      dimension: this.dimension,
      quantization: this.quantization,
      binaryRescore: this.binaryRescore,
      ids: this.ids as string[],
    };
    return encodeExactIndex(
      header,
      this.matrices().map((matrix) => matrix.bytes(this.rowCount)),
    );
  }

  /** Reads bytes written by `serialise`. */
  static deserialise(bytes: Uint8Array): ExactVectorIndex {
    const { header, body } = decodeExactIndex(bytes);
    const index = new ExactVectorIndex(header);
    const expected = index.bytesPerVector * header.ids.length;
    if (body.length < expected) {
      throw malformedIndex(`it holds ${body.length} bytes of vectors instead of ${expected}`);
    }
    let offset = 0;
    for (const matrix of index.matrices()) {
      matrix.readBytes(body.subarray(offset), header.ids.length);
      offset += matrix.bytesPerRow * header.ids.length;
    }
    index.adoptRows(header.ids);
    return index;
  }

  /** Squeezes out removed rows, keeping the order of the live ones. */
  compact(): void {
    let target = 0;
    for (let row = 0; row < this.rowCount; row += 1) {
      const id = this.ids[row];
      if (id === undefined) continue;
      if (row !== target) {
        for (const matrix of this.matrices()) matrix.moveRow(row, target);
        this.ids[target] = id;
        this.rowById.set(id, target);
      }
      target += 1;
    }
    this.ids.length = target;
    this.rowTotal = target;
  }

  /** Adopts rows read from storage: `ids` must all be live and the matrices already filled. */
  private adoptRows(ids: string[]): void {
    this.ids = ids;
    this.rowTotal = ids.length;
    this.capacity = ids.length;
    this.rowById = new Map(ids.map((id, row) => [id, row]));
  }

  private searchBinary(vector: Float32Array, k: number, rows: ScanRows, bits: Uint32Array) {
    const queryBits = new Uint32Array(binaryWords(this.dimension));
    encodeBinary(vector, queryBits, 0);
    const candidates = new TopK(this.floats ? k * this.binaryRescore : k);
    scanBinary(queryBits, bits, rows, candidates);
    if (!this.floats) {
      return candidates.sorted().map(({ score, row }) => ({
        id: this.ids[row] as string,
        score: cosineFromHamming(-score, this.dimension),
      }));
    }
    const top = new TopK(k);
    for (const { row } of candidates.sorted()) {
      top.push(floatDot(vector, this.floats.data, row * this.dimension), row);
    }
    return top.sorted().map(({ score, row }) => ({ id: this.ids[row] as string, score }));
  }

  private resize(capacity: number): void {
    for (const matrix of this.matrices()) matrix.resize(capacity, this.rowCount);
    this.capacity = capacity;
  }

  private writeRow(row: number, vector: Float32Array): void {
    this.floats?.data.set(vector, row * this.dimension);
    if (this.codes && this.scales) {
      this.scales.data[row] = encodeInt8(vector, this.codes.data, row * this.dimension);
    }
    if (this.bits) encodeBinary(vector, this.bits.data, row * this.bits.width);
  }
}
