/**
 * Embedding similarity between claims and source sentences, through any Embedder.
 * @module
 */

import type { Embedder } from '../../models/embedders/embedder.js';
import { withoutCitations, type FactualSentence } from './factual-sentences.js';
import type { PreparedSource } from './grounding-sources.js';

export interface SimilarSentence {
  source: PreparedSource;
  similarity: number;
  /** The source sentence, where the claim's facts are looked for too. */
  sentence: string;
}

/** Per claim, its cosine similarity to every source sentence; one embedding batch each side. */
export async function similarityTable(
  claims: readonly FactualSentence[],
  sources: readonly PreparedSource[],
  embedder: Embedder | undefined,
): Promise<SimilarSentence[][] | undefined> {
  if (!embedder) return undefined;
  if (claims.length === 0 || sources.length === 0) return claims.map(() => []);

  const claimVectors = await embedder.embed(
    claims.map((claim) => withoutCitations(claim.text)),
    'query',
  );
  const sourceSentences = sources.flatMap((source) =>
    source.sentences.map((text) => ({ source, text })),
  );
  const sourceVectors = await embedder.embed(
    sourceSentences.map((sentence) => sentence.text),
    'passage',
  );

  return claimVectors.map((claimVector) =>
    sourceVectors.map((vector, index) => {
      const sentence = sourceSentences[index]!;
      return {
        source: sentence.source,
        similarity: dot(claimVector, vector),
        sentence: sentence.text,
      };
    }),
  );
}

function dot(first: Float32Array, second: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < first.length; index++) {
    sum += (first[index] ?? 0) * (second[index] ?? 0);
  }
  return sum;
}
