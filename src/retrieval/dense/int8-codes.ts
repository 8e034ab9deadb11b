/**
 * Scalar quantisation to signed bytes with one scale per vector: value ≈ code · scale / 127,
 * where scale is the vector's largest absolute value. A per-vector scale needs no training
 * pass over the data, so vectors can be added at any time.
 * @module
 */

/** Writes the codes of `vector` into `codes` at `offset` and returns the vector's scale. */
export function encodeInt8(vector: Float32Array, codes: Int8Array, offset: number): number {
  let scale = 0;
  for (let position = 0; position < vector.length; position += 1) {
    const magnitude = Math.abs(vector[position] as number);
    if (magnitude > scale) scale = magnitude;
  }
  const factor = scale === 0 ? 0 : 127 / scale;
  for (let position = 0; position < vector.length; position += 1) {
    codes[offset + position] = Math.round((vector[position] as number) * factor);
  }
  return scale;
}

/**
 * Integer dot product of the query codes with the row of `codes` starting at `offset`.
 * Each product is at most 127², so a sum over up to 130,000 dimensions stays within int32.
 */
export function int8Dot(query: Int8Array, codes: Int8Array, offset: number): number {
  const length = query.length;
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  let position = 0;
  for (; position + 3 < length; position += 4) {
    sum0 = (sum0 + (query[position] as number) * (codes[offset + position] as number)) | 0;
    sum1 = (sum1 + (query[position + 1] as number) * (codes[offset + position + 1] as number)) | 0;
    sum2 = (sum2 + (query[position + 2] as number) * (codes[offset + position + 2] as number)) | 0;
    sum3 = (sum3 + (query[position + 3] as number) * (codes[offset + position + 3] as number)) | 0;
  }
  for (; position < length; position += 1) {
    sum0 = (sum0 + (query[position] as number) * (codes[offset + position] as number)) | 0;
  }
  return sum0 + sum1 + sum2 + sum3;
}
