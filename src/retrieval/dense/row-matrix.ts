type RowArray = Float32Array | Int8Array | Uint32Array;

/**
 * A growable matrix of fixed-width rows in one contiguous typed array. The exact index keeps
 * one per stored representation (float32 values, int8 codes, int8 scales, sign bits) and
 * grows, compacts and serialises them all the same way.
 */
export class RowMatrix<Values extends RowArray> {
  data: Values;

  constructor(
    private readonly create: (length: number) => Values,
    readonly width: number,
    capacity: number,
  ) {
    this.data = create(capacity * width);
  }

  get bytesPerRow(): number {
    return this.width * this.data.BYTES_PER_ELEMENT;
  }

  /** Reallocates to hold `capacity` rows, keeping the first `rows` rows. */
  resize(capacity: number, rows: number): void {
    const next = this.create(capacity * this.width);
    next.set(this.data.subarray(0, rows * this.width));
    this.data = next;
  }

  moveRow(from: number, to: number): void {
    this.data.copyWithin(to * this.width, from * this.width, (from + 1) * this.width);
  }

  /** The first `rows` rows as bytes (a view, not a copy). */
  bytes(rows: number): Uint8Array {
    return new Uint8Array(this.data.buffer, this.data.byteOffset, rows * this.bytesPerRow);
  }

  /** Replaces the contents with `rows` rows copied from `bytes`. */
  readBytes(bytes: Uint8Array, rows: number): void {
    this.data = this.create(rows * this.width);
    new Uint8Array(this.data.buffer).set(bytes.subarray(0, rows * this.bytesPerRow));
  }
}

export const float32Rows = (width: number, capacity: number): RowMatrix<Float32Array> =>
  new RowMatrix((length) => new Float32Array(length), width, capacity);

export const int8Rows = (width: number, capacity: number): RowMatrix<Int8Array> =>
  new RowMatrix((length) => new Int8Array(length), width, capacity);

export const uint32Rows = (width: number, capacity: number): RowMatrix<Uint32Array> =>
  new RowMatrix((length) => new Uint32Array(length), width, capacity);
