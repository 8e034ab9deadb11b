import { l2Normalise } from './embedding-input.js';

/** A model output as rows of numbers: `[batch, width]` or `[batch, tokens, width]`. */
export interface OutputTensor {
  dims: number[];
  data: ArrayLike<number>;
}

/**
 * Turns a model output into one vector per text. Mean pooling averages the token states
 * the attention mask marks as real (padding is left out); `cls` takes the first token;
 * `none` expects an output that is already one vector per text.
 */
export function poolTokenStates(
  output: OutputTensor,
  attentionMask: ArrayLike<number | bigint>,
  pooling: 'mean' | 'cls' | 'none',
  normalize: boolean,
): Float32Array[] {
  const [batch = 0, second = 0, third] = output.dims;
  if (pooling === 'none' && third !== undefined) {
    throw new Error(
      `pooling 'none' needs a model output of one vector per text, but it is ` +
        `[${output.dims.join(', ')}]; use pooling 'mean' or 'cls'`,
    );
  }
  if (pooling !== 'none' && third === undefined) {
    throw new Error(
      `pooling '${pooling}' needs per-token states, but the model output is ` +
        `[${output.dims.join(', ')}] (already pooled); use pooling 'none'`,
    );
  }

  const vectors: Float32Array[] = [];
  for (let row = 0; row < batch; row++) {
    const vector =
      third === undefined
        ? Float32Array.from(sliceRow(output.data, row * second, second))
        : poolRow(output.data, attentionMask, row, second, third, pooling);
    vectors.push(normalize ? l2Normalise(vector) : vector);
  }
  return vectors;
}

function poolRow(
  data: ArrayLike<number>,
  mask: ArrayLike<number | bigint>,
  row: number,
  tokens: number,
  width: number,
  pooling: 'mean' | 'cls' | 'none',
): Float32Array {
  const offset = row * tokens * width;
  if (pooling === 'cls') return Float32Array.from(sliceRow(data, offset, width));

  const sum = new Float64Array(width);
  let count = 0;
  for (let token = 0; token < tokens; token++) {
    if (Number(mask[row * tokens + token]) === 0) continue;
    count++;
    const start = offset + token * width;
    for (let column = 0; column < width; column++) {
      sum[column] = sum[column]! + data[start + column]!;
    }
  }
  return Float32Array.from(sum, (value) => (count === 0 ? 0 : value / count));
}

function sliceRow(data: ArrayLike<number>, start: number, length: number): number[] {
  return Array.from({ length }, (_, index) => data[start + index]!);
}
