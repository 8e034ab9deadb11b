import type { ScoredHit } from '../types.js';

/** One ranked list entering fusion, with the name its scores are reported under. */
export interface RankedList {
  name: string;
  hits: ScoredHit[];
  /** Relative weight of this list; 1 when absent. */
  weight?: number;
}

export interface FusedHit {
  id: string;
  score: number;
  /** Each list's rank (1-based) and raw score for this id, where it appeared. */
  components: Record<string, { rank: number; score: number }>;
}

/**
 * Reciprocal-rank fusion: score = Σ weight / (k + rank). Only ranks matter, so lists
 * with incomparable scores (BM25, cosine) fuse without calibration. k = 60 is the value
 * from Cormack, Clarke and Büttcher (SIGIR 2009).
 */
export function reciprocalRankFusion(lists: RankedList[], k = 60): FusedHit[] {
  return fuse(lists, (_hit, rank, weight) => weight / (k + rank));
}

/**
 * Normalised score fusion: each list's scores are min-max scaled to [0, 1] and summed
 * with the list weights. An id missing from a list gets 0 from it.
 */
export function normalisedScoreFusion(lists: RankedList[]): FusedHit[] {
  const ranges = new Map(
    lists.map((list) => {
      const scores = list.hits.map((hit) => hit.score);
      return [list, { low: Math.min(...scores), high: Math.max(...scores) }];
    }),
  );
  return fuse(lists, (hit, _rank, weight, list) => {
    const { low, high } = ranges.get(list)!;
    const scaled = high > low ? (hit.score - low) / (high - low) : 1;
    return weight * scaled;
  });
}

function fuse(
  lists: RankedList[],
  contribution: (hit: ScoredHit, rank: number, weight: number, list: RankedList) => number,
): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  for (const list of lists) {
    list.hits.forEach((hit, index) => {
      const rank = index + 1;
      const entry = fused.get(hit.id) ?? { id: hit.id, score: 0, components: {} };
      entry.score += contribution(hit, rank, list.weight ?? 1, list);
      entry.components[list.name] = { rank, score: hit.score };
      fused.set(hit.id, entry);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
