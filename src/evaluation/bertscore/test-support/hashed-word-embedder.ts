import { sha256 } from '../../../core/hash.js';
import type { Embedder } from '../../../models/embedders/embedder.js';
import { unitVector } from '../token-encoder.js';

/**
 * A deterministic stand-in embedder for tests: a text's vector is the unit-scaled sum of
 * hashed character trigrams of its lower-cased words (with boundary marks), so equal texts
 * get equal vectors, texts sharing words or word parts are close, and unrelated texts are
 * nearly orthogonal. No model, no meaning beyond spelling.
 */
export function createHashedWordEmbedder(dimension = 256): Embedder {
  const embedOne = (text: string): Float32Array => {
    const vector = new Float32Array(dimension);
    for (const word of text.toLowerCase().split(/\s+/u).filter(Boolean)) {
      const marked = `#${word}#`;
      for (let start = 0; start + 3 <= marked.length; start++) {
        const digest = sha256(marked.slice(start, start + 3));
        const index = Number.parseInt(digest.slice(0, 8), 16) % dimension;
        vector[index]! += Number.parseInt(digest.slice(8, 9), 16) < 8 ? 1 : -1;
      }
    }
    return unitVector(vector);
  };
  return {
    modelId: 'hashed-word-stand-in',
    revision: '1',
    dimension,
    embed: (texts) => Promise.resolve(texts.map(embedOne)),
    close: () => Promise.resolve(),
  };
}
