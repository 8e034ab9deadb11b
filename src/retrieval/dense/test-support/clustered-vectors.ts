/**
 * Deterministic unit vectors with the rough shape of text embeddings: points gather around
 * cluster centres, vary mostly within a few directions per cluster, and carry some noise in
 * every direction. Used by the tests and by bench/dense-index.js.
 * @module
 */
import { createSeededRandom } from '../../../core/seeded-random.js';

export interface ClusteredVectorOptions {
  dimension: number;
  clusters: number;
  /** Seed of the cluster centres and directions; samples with the same seed share them. */
  seed: number;
  /** Directions of variation per cluster (default 16). */
  directions?: number;
  /** Size of the within-cluster variation relative to the centre (default 0.8). */
  spread?: number;
  /** Size of the noise in every direction relative to the centre (default 1). */
  noise?: number;
}

/** Seeded uniform numbers; see core/seeded-random. */
export const seededRandom = createSeededRandom;

/** Standard normal numbers from a uniform generator (Box–Muller). */
export function seededGaussian(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Scales `vector` in place to unit length and returns it. */
export function normalise(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  const factor = 1 / Math.sqrt(sumOfSquares);
  for (let position = 0; position < vector.length; position += 1) {
    vector[position] = (vector[position] as number) * factor;
  }
  return vector;
}

/** `count` unit vectors drawn with `sampleSeed` from the clusters that `options.seed` fixes. */
export function clusteredVectors(
  options: ClusteredVectorOptions,
  count: number,
  sampleSeed: number,
): Float32Array[] {
  const { dimension, clusters } = options;
  const directions = options.directions ?? 16;
  const spread = (options.spread ?? 0.8) / Math.sqrt(directions);
  const noise = (options.noise ?? 1) / Math.sqrt(dimension);
  const shapeGaussian = seededGaussian(options.seed);
  const shapes = Array.from({ length: clusters * (directions + 1) }, () =>
    normalise(Float32Array.from({ length: dimension }, shapeGaussian)),
  );

  const uniform = seededRandom(sampleSeed);
  const gaussian = seededGaussian(sampleSeed ^ 0x5bd1e995);
  const storage = new Float32Array(count * dimension);
  const vectors: Float32Array[] = [];
  for (let index = 0; index < count; index += 1) {
    const vector = storage.subarray(index * dimension, (index + 1) * dimension);
    const first = Math.floor(uniform() * clusters) * (directions + 1);
    vector.set(shapes[first] as Float32Array);
    for (let direction = 1; direction <= directions; direction += 1) {
      const weight = gaussian() * spread;
      const shape = shapes[first + direction] as Float32Array;
      for (let position = 0; position < dimension; position += 1) {
        vector[position] = (vector[position] as number) + weight * (shape[position] as number);
      }
    }
    for (let position = 0; position < dimension; position += 1) {
      vector[position] = (vector[position] as number) + gaussian() * noise;
    }
    vectors.push(normalise(vector));
  }
  return vectors;
}
