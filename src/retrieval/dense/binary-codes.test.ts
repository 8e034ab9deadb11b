import { describe, expect, it } from 'vitest';
import { binaryWords, encodeBinary, hammingDistance, popcount32 } from './binary-codes.js';

describe('binary codes', () => {
  it('counts bits like a bit-by-bit loop, including the sign bit', () => {
    for (const word of [0, 1, 0x80000000, 0xffffffff, 0x12345678, 0xdeadbeef]) {
      const expected = word
        .toString(2)
        .split('')
        .filter((bit) => bit === '1').length;
      expect(popcount32(word)).toBe(expected);
    }
  });

  it('packs sign bits and measures the Hamming distance across words', () => {
    const dimension = 40;
    const vector = Float32Array.from({ length: dimension }, (_, position) =>
      position % 3 === 0 ? 0.5 : -0.5,
    );
    const flipped = vector.map((value, position) => (position < 5 ? -value : value));
    const bits = new Uint32Array(2 * binaryWords(dimension));
    encodeBinary(vector, bits, 0);
    encodeBinary(flipped, bits, 2);
    expect(binaryWords(dimension)).toBe(2);
    expect(hammingDistance(bits.subarray(0, 2), bits, 0)).toBe(0);
    expect(hammingDistance(bits.subarray(0, 2), bits, 2)).toBe(5);
  });
});
