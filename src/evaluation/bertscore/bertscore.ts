import { greedyMatch, idfWeights, type BertScore } from './greedy-matching.js';
import type { TokenEncoder, TokenEncoding } from './token-encoder.js';

/** One candidate text and the references it is scored against. */
export interface BertScoreItem {
  candidate: string;
  references: readonly string[];
}

/** The score of one item: the reference with the highest F1, and its precision and recall. */
export interface BertScoreResult extends BertScore {
  /** Index of the best-matching reference. */
  reference: number;
}

export interface BertScoreOptions {
  /** Weight tokens by their idf over all references of the run, default false. */
  idf?: boolean;
}

/**
 * BERTScore of every item with the encoder's token vectors. Each distinct text is encoded
 * once. With several references the one with the highest F1 is kept.
 */
export async function bertScore(
  items: readonly BertScoreItem[],
  encoder: TokenEncoder,
  options: BertScoreOptions = {},
): Promise<BertScoreResult[]> {
  const texts = [...new Set(items.flatMap((item) => [item.candidate, ...item.references]))];
  const encodings = new Map<string, TokenEncoding>();
  const encoded = await encoder.encode(texts);
  texts.forEach((text, index) => encodings.set(text, encoded[index]!));

  const weight = options.idf
    ? idfWeights(
        items.flatMap((item) => item.references.map((text) => encodings.get(text)!.tokens)),
      )
    : undefined;
  return items.map((item) => {
    const candidate = encodings.get(item.candidate)!;
    let best: BertScoreResult = { precision: 0, recall: 0, f1: 0, reference: 0 };
    item.references.forEach((text, reference) => {
      const score = greedyMatch(candidate, encodings.get(text)!, weight);
      if (reference === 0 || score.f1 > best.f1) best = { ...score, reference };
    });
    return best;
  });
}
