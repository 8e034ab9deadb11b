import { AutoTokenizer, Tensor, env } from '@huggingface/transformers';
import { pairTokenizerOf } from '../cross-encoder-session.js';
import type { CrossEncoderSession, CrossEncoderSource } from '../cross-encoder-session.js';

export interface TokenOverlapSession extends CrossEncoderSession {
  /** The [rows, tokens] shape of every input the fake model was given, in order. */
  batches: number[][];
  /** input_ids of every row it was given, padding included. */
  rows: bigint[][];
  disposed: boolean;
}

/**
 * A fake cross-encoder session for plumbing tests, since no real reranker model is available
 * offline: the real BERT tokenizer of the model folder, and in place of the network a score
 * that is the share of the query's word pieces (segment 0) found in the passage (segment 1).
 * `labels: 2` imitates a (not relevant, relevant) head.
 */
export async function loadTokenOverlapSession(
  source: CrossEncoderSource,
  labels: 1 | 2 = 1,
): Promise<TokenOverlapSession> {
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(source.model, { local_files_only: true });
  const special = new Set(tokenizer.all_special_ids.map(BigInt));
  const session: TokenOverlapSession = {
    batches: [],
    rows: [],
    disposed: false,
    tokenizer: pairTokenizerOf(tokenizer),
    run: async (feeds) => {
      const [rowCount = 0, width = 0] = feeds.input_ids!.dims;
      const ids = feeds.input_ids!.data as BigInt64Array;
      const segments = feeds.token_type_ids!.data as BigInt64Array;
      session.batches.push([rowCount, width]);
      const logits = new Float32Array(rowCount * labels);
      for (let row = 0; row < rowCount; row += 1) {
        const slice = (data: BigInt64Array) => [...data.subarray(row * width, (row + 1) * width)];
        const rowIds = slice(ids);
        const rowSegments = slice(segments);
        session.rows.push(rowIds);
        const piecesOf = (segment: bigint) =>
          new Set(rowIds.filter((id, at) => rowSegments[at] === segment && !special.has(id)));
        const query = piecesOf(0n);
        const passage = piecesOf(1n);
        const found = [...query].filter((id) => passage.has(id)).length;
        const score = query.size === 0 ? 0 : found / query.size;
        logits[row * labels + labels - 1] = score;
        if (labels === 2) logits[row * labels] = -score;
      }
      return new Tensor('float32', logits, [rowCount, labels]);
    },
    dispose: async () => {
      session.disposed = true;
    },
  };
  return session;
}
