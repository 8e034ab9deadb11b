import { Tensor } from '@huggingface/transformers';

/** Token ids per pair, untruncated and unpadded, as the transformers.js tokenizer returns them. */
export interface PairEncoding {
  input_ids: number[][];
  attention_mask: number[][];
  token_type_ids?: number[][];
}

/** The part of a transformers.js tokenizer the cross-encoder uses. */
export interface PairTokenizer {
  readonly pad_token_id: number;
  encodePairs(queries: string[], passages: string[]): PairEncoding;
}

// A token spans at least one character and in practice three to five, so a passage cut at
// sixteen characters per token still fills the window, and the tokenizer never works through
// the rest of a very long text.
const charactersPerTokenBound = 16;

/**
 * The model inputs for (query, passage) pairs: each pair cut to `maxLength` tokens, keeping
 * its closing special token, then right-padded to the longest pair of the batch.
 * transformers.js's own truncation cuts the closing token off, which cross-encoders were
 * never trained without.
 */
export function encodePairs(
  tokenizer: PairTokenizer,
  query: string,
  passages: string[],
  maxLength: number,
): Record<string, Tensor> {
  const cut = passages.map((passage) => passage.slice(0, maxLength * charactersPerTokenBound));
  const encoding = tokenizer.encodePairs(
    cut.map(() => query),
    cut,
  );
  const rows = encoding.input_ids.map((ids) => Math.min(ids.length, maxLength));
  const width = Math.max(...rows);

  const feeds: Record<string, Tensor> = {
    input_ids: toTensor(encoding.input_ids, width, maxLength, tokenizer.pad_token_id),
    attention_mask: toTensor(encoding.attention_mask, width, maxLength, 0),
  };
  if (encoding.token_type_ids) {
    feeds.token_type_ids = toTensor(encoding.token_type_ids, width, maxLength, 0);
  }
  return feeds;
}

function toTensor(rows: number[][], width: number, maxLength: number, padding: number): Tensor {
  const data = new BigInt64Array(rows.length * width).fill(BigInt(padding));
  rows.forEach((row, rowIndex) => {
    const kept = row.length > maxLength ? [...row.slice(0, maxLength - 1), row.at(-1)!] : row;
    kept.forEach((value, column) => {
      data[rowIndex * width + column] = BigInt(value);
    });
  });
  return new Tensor('int64', data, [rows.length, width]);
}
