import type { Embedder } from '../../models/embedders/embedder.js';
import type { TokenEncoder, TokenEncoding } from './token-encoder.js';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of a text (letters and digits, with inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(WORD) ?? [];
}

/**
 * The fallback when the embedder gives no token states (USE lite, TEI): every distinct word
 * is embedded on its own through the Embedder port and stands for its token. The vectors are
 * not contextual, so "bank" is the same vector in every sentence; scores approximate
 * BERTScore's behaviour and are not comparable to published numbers.
 */
export function createWordTokenEncoder(embedder: Embedder, batchSize = 256): TokenEncoder {
  return {
    modelId: embedder.modelId,
    method: 'word-level',
    async encode(texts) {
      const split = texts.map(words);
      const distinct = [...new Set(split.flat())];
      const vectors = new Map<string, Float32Array>();
      for (let start = 0; start < distinct.length; start += batchSize) {
        const batch = distinct.slice(start, start + batchSize);
        const embedded = await embedder.embed(batch, 'passage');
        batch.forEach((word, index) => vectors.set(word, embedded[index]!));
      }
      return split.map((tokens): TokenEncoding => ({
        tokens,
        vectors: tokens.map((word) => vectors.get(word)!),
      }));
    },
    close: () => embedder.close(),
  };
}
