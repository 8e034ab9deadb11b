import { MarkwerkError } from '../../core/errors.js';

/**
 * Rejects texts no embedder should see. An empty or blank text has no meaning, yet every
 * model would still return a confident-looking vector for it, which then matches random
 * queries; TEI refuses it outright. All adapters therefore refuse it the same way.
 */
export function assertEmbeddableTexts(texts: readonly string[], modelId: string): void {
  const index = texts.findIndex((text) => text.trim().length === 0);
  if (index === -1) return;

  throw new MarkwerkError(
    'INPUT_MALFORMED',
    `Text ${index} of ${texts.length} is empty or blank; ${modelId} cannot embed it. ` +
      'Drop empty texts before embedding (an empty query matches nothing).',
    { details: { index, count: texts.length, modelId } },
  );
}

/** Scales a vector to unit L2 length in place; a zero vector stays zero. */
export function l2Normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0) return vector;

  for (let index = 0; index < vector.length; index++) vector[index] = vector[index]! / norm;
  return vector;
}

/** Splits `items` into consecutive slices of at most `size`. */
export function splitIntoBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}
