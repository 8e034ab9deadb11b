import { describe, expect, it } from 'vitest';
import { ExactVectorIndex } from './exact-index.js';
import { HnswVectorIndex } from './hnsw-index.js';

const unit = (values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

describe('vectorOf (stored vectors for diversification)', () => {
  const vector = unit([0.3, -0.5, 0.8, 0.1]);

  it('returns a copy of the float32 vector, exact and HNSW alike', () => {
    for (const index of [
      new ExactVectorIndex({ dimension: 4 }),
      new HnswVectorIndex({ dimension: 4 }),
    ]) {
      index.add('a', vector);
      const stored = index.vectorOf('a')!;
      expect(Array.from(stored)).toEqual(Array.from(vector));
      stored[0] = 9;
      expect(index.vectorOf('a')![0]).toBeCloseTo(vector[0]!, 6);
      expect(index.vectorOf('missing')).toBeUndefined();
    }
  });

  it('rebuilds int8 vectors within quantisation error and has none for bare sign bits', () => {
    const int8 = new ExactVectorIndex({ dimension: 4, quantization: 'int8' });
    int8.add('a', vector);
    const rebuilt = int8.vectorOf('a')!;
    rebuilt.forEach((value, index) => expect(value).toBeCloseTo(vector[index]!, 2));

    const bits = new ExactVectorIndex({ dimension: 4, quantization: 'binary', binaryRescore: 0 });
    bits.add('a', vector);
    expect(bits.vectorOf('a')).toBeUndefined();
  });
});
