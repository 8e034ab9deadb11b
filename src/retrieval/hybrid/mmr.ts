import type { ScoredHit } from '../types.js';

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks `k` hits one at a
 * time, each maximising λ·relevance − (1 − λ)·(highest similarity to a hit already
 * picked). Relevance is the hit's score scaled to [0, 1]; similarity is the dot product
 * of unit vectors. Hits without a vector are never penalised.
 */
export function diversify(
  hits: ScoredHit[],
  vectorOf: (id: string) => Float32Array | undefined,
  options: { k: number; lambda?: number },
): ScoredHit[] {
  const lambda = options.lambda ?? 0.7;
  const scores = hits.map((hit) => hit.score);
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const relevance = (hit: ScoredHit) => (high > low ? (hit.score - low) / (high - low) : 1);

  const remaining = [...hits];
  const picked: ScoredHit[] = [];
  const pickedVectors: Float32Array[] = [];
  while (picked.length < options.k && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = -Infinity;
    remaining.forEach((hit, index) => {
      const vector = vectorOf(hit.id);
      const redundancy = vector
        ? Math.max(0, ...pickedVectors.map((other) => dot(vector, other)))
        : 0;
      const value = lambda * relevance(hit) - (1 - lambda) * redundancy;
      if (value > bestValue) [bestIndex, bestValue] = [index, value];
    });
    const [hit] = remaining.splice(bestIndex, 1);
    picked.push(hit!);
    const vector = vectorOf(hit!.id);
    if (vector) pickedVectors.push(vector);
  }
  return picked;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += a[index]! * b[index]!;
  return sum;
}
