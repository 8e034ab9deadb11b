import type { ChunkFilter, ScoredHit } from '../../types.js';

/**
 * The reference the indexes are checked against: score every vector in double precision,
 * sort by score, ties in insertion order.
 */
export function naiveSearch(
  entries: readonly (readonly [string, Float32Array])[],
  query: Float32Array,
  k: number,
  filter?: ChunkFilter,
): ScoredHit[] {
  const hits = entries
    .filter(([id]) => !filter || filter(id))
    .map(([id, vector], order) => {
      let score = 0;
      for (let position = 0; position < query.length; position += 1) {
        score += (query[position] as number) * (vector[position] as number);
      }
      return { id, score, order };
    });
  hits.sort((left, right) => right.score - left.score || left.order - right.order);
  return hits.slice(0, k).map(({ id, score }) => ({ id, score }));
}

/** Share of the reference ids that the candidate hits contain. */
export function recallAgainst(reference: ScoredHit[], candidate: ScoredHit[]): number {
  if (reference.length === 0) return 1;
  const found = new Set(candidate.map((hit) => hit.id));
  return reference.filter((hit) => found.has(hit.id)).length / reference.length;
}
