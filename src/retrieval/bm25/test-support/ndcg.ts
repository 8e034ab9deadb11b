/**
 * nDCG@k as trec_eval's ndcg_cut computes it, kept here so the BM25 tests need no other module.
 * @module
 */

/** Relevance grades of one query: document id → grade (> 0 means relevant). */
export type Judgements = ReadonlyMap<string, number>;

/**
 * nDCG@k of one ranking: gain = grade, discount log2(rank + 1), ideal DCG from all judged
 * relevant documents of the query. Returns undefined when the query has no relevant document.
 */
export function ndcgAt(k: number, ranking: readonly string[], judgements: Judgements) {
  const ideal = [...judgements.values()].filter((grade) => grade > 0).sort((a, b) => b - a);
  if (ideal.length === 0) return undefined;

  const dcg = (grades: number[]) =>
    grades.slice(0, k).reduce((sum, grade, rank) => sum + grade / Math.log2(rank + 2), 0);
  const gains = ranking.map((id) => Math.max(0, judgements.get(id) ?? 0));
  return dcg(gains) / dcg(ideal);
}

/** Mean nDCG@k over the queries that have relevant documents. */
export function meanNdcgAt(
  k: number,
  rankings: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, Judgements>,
): number {
  let sum = 0;
  let count = 0;
  for (const [queryId, judgements] of qrels) {
    const value = ndcgAt(k, rankings.get(queryId) ?? [], judgements);
    if (value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? 0 : sum / count;
}
