import { MarkwerkError } from '../../core/errors.js';

/** How far from 1 a vector's length may be before it is refused as not normalised. */
const NORM_TOLERANCE = 1e-3;

/**
 * Throws unless `vector` has `dimension` finite values and unit length. Scores are cosine
 * similarities only for unit vectors, and the quantisers assume values within [-1, 1].
 */
export function assertUnitVector(vector: Float32Array, dimension: number, role: string): void {
  if (vector.length !== dimension) {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      `The ${role} has ${vector.length} values but the index holds ${dimension}-dimensional ` +
        'vectors; embed with the model the index was built with, or rebuild the index.',
      { details: { role, expected: dimension, actual: vector.length } },
    );
  }
  let sumOfSquares = 0;
  for (let position = 0; position < dimension; position += 1) {
    const value = vector[position] as number;
    sumOfSquares += value * value;
  }
  const norm = Math.sqrt(sumOfSquares);
  if (!(Math.abs(norm - 1) <= NORM_TOLERANCE)) {
    throw new MarkwerkError(
      'INPUT_MALFORMED',
      `The ${role} has length ${norm} instead of 1; L2-normalise it before indexing or ` +
        'searching (divide each value by the square root of the sum of squares).',
      { details: { role, norm } },
    );
  }
}

/** Throws unless `value` is a whole number of at least `minimum`, naming the option. */
export function assertWholeNumber(value: number, minimum: number, option: string): void {
  if (Number.isInteger(value) && value >= minimum) return;
  throw new MarkwerkError(
    'CONFIG_INVALID',
    `${option} must be a whole number of at least ${minimum}, got ${value}.`,
    { details: { option, value } },
  );
}
