/**
 * Unsigned LEB128 varints and length-prefixed UTF-8 strings over a growable byte buffer.
 * @module
 */

import { MarkwerkError } from '../../core/errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Appends varints, strings and raw bytes. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }

  varint(value: number): void {
    this.reserve(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  string(value: string): void {
    const encoded = encoder.encode(value);
    this.varint(encoded.length);
    this.bytes(encoded);
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

/** Reads what a {@link ByteWriter} wrote; a truncated or corrupt input throws INPUT_MALFORMED. */
export class ByteReader {
  private offset = 0;

  constructor(private readonly buffer: Uint8Array) {}

  bytes(count: number): Uint8Array {
    if (this.offset + count > this.buffer.length) this.truncated();
    const slice = this.buffer.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.buffer.length) this.truncated();
      const byte = this.buffer[this.offset++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 53) this.truncated();
    }
  }

  string(): string {
    return decoder.decode(this.bytes(this.varint()));
  }

  get atEnd(): boolean {
    return this.offset === this.buffer.length;
  }

  private truncated(): never {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      'The BM25 index bytes end early or are corrupt; rebuild the index from the store.',
      { details: { offset: this.offset, length: this.buffer.length } },
    );
  }
}
