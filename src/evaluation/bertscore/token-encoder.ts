/**
 * What BERTScore needs from a model: one unit vector per token of a text, in order.
 * @module
 */
import { l2Normalise } from '../../models/embedders/embedding-input.js';

/** The tokens of one text and a unit-length vector for each. */
export interface TokenEncoding {
  /** Token identities for idf weighting (word pieces or words); special tokens left out. */
  tokens: string[];
  vectors: Float32Array[];
}

export interface TokenEncoder {
  /** The model the vectors come from; scores are only comparable under the same model. */
  readonly modelId: string;
  /**
   * `contextual`: token states of a transformer, as the BERTScore paper uses.
   * `word-level`: each word embedded on its own by a sentence embedder, an approximation.
   */
  readonly method: 'contextual' | 'word-level';
  encode(texts: readonly string[]): Promise<TokenEncoding[]>;
  close(): Promise<void>;
}

/** Scales a vector to unit length; a zero vector stays zero. */
export function unitVector(values: ArrayLike<number>): Float32Array {
  return l2Normalise(Float32Array.from(values));
}
