/**
 * Sign-bit quantisation: one bit per dimension (set when the value is positive), packed
 * into 32-bit words. Similarity is estimated from the Hamming distance between codes.
 * @module
 */

/** Number of 32-bit words that hold one code of `dimension` bits. */
export function binaryWords(dimension: number): number {
  return Math.ceil(dimension / 32);
}

/** Writes the sign bits of `vector` into `bits` starting at word `offset`. */
export function encodeBinary(vector: Float32Array, bits: Uint32Array, offset: number): void {
  const words = binaryWords(vector.length);
  for (let word = 0; word < words; word += 1) {
    let packed = 0;
    const start = word * 32;
    const end = Math.min(start + 32, vector.length);
    for (let position = start; position < end; position += 1) {
      if ((vector[position] as number) > 0) packed |= 1 << (position - start);
    }
    bits[offset + word] = packed >>> 0;
  }
}

/** Number of set bits in a 32-bit word (SWAR popcount). */
export function popcount32(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Hamming distance between the query code and the code starting at word `offset`. */
export function hammingDistance(query: Uint32Array, bits: Uint32Array, offset: number): number {
  let distance = 0;
  for (let word = 0; word < query.length; word += 1) {
    distance += popcount32(((query[word] as number) ^ (bits[offset + word] as number)) >>> 0);
  }
  return distance;
}

/**
 * Cosine estimate from a Hamming distance: for vectors in general position the share of
 * differing sign bits approximates angle / π, so cos(π · distance / dimension).
 */
export function cosineFromHamming(distance: number, dimension: number): number {
  return Math.cos((Math.PI * distance) / dimension);
}
