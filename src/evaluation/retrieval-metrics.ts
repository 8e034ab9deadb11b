/**
 * Ranking metrics computed the way trec_eval 9 (and pytrec_eval, which wraps it) computes
 * them, so that numbers compare with published BEIR and Anserini figures.
 *
 * - A run is ranked by score, highest first; equal scores are ordered by document id
 *   *descending* in byte order (trec_eval's `comp_sim_docno`). The order the hits arrive
 *   in, and any rank the system reports, are ignored.
 * - Grades are the integer relevance values of the qrels. A document is relevant when its
 *   grade is above 0. Unjudged documents and negative grades give no gain.
 * @module
 */
import { MarkwerkError } from '../core/errors.js';
import type { ScoredHit } from '../retrieval/types.js';

/** Judgements of one query: document id → integer relevance grade. */
export type Judgements = ReadonlyMap<string, number>;

/** Judgements of every query: query id → that query's judgements. */
export type Qrels = ReadonlyMap<string, Judgements>;

/** A per-query metric over hits in any order. */
export type QueryMetric = (hits: readonly ScoredHit[], judgements: Judgements) => number;

/**
 * The hits in trec_eval's order: score descending, then document id descending.
 * Throws when a document appears twice, as trec_eval does.
 */
export function rankLikeTrecEval(hits: readonly ScoredHit[]): ScoredHit[] {
  const ranked = [...hits].sort(compareScoreThenIdDescending);
  for (let index = 1; index < ranked.length; index += 1) {
    if (ranked[index]!.id === ranked[index - 1]!.id) {
      throw new MarkwerkError(
        'INPUT_MALFORMED',
        `The ranking lists document "${ranked[index]!.id}" twice; ` +
          'return each document at most once per query.',
        { details: { documentId: ranked[index]!.id } },
      );
    }
  }
  return ranked;
}

/**
 * nDCG at cutoff k, as trec_eval's `ndcg_cut.k`: gain is the grade, discount
 * 1/log2(rank + 1); the ideal DCG ranks every judged document with grade > 0 by grade and
 * is cut at k too. 0 when the query has no document with grade > 0.
 */
export function ndcgAtK(hits: readonly ScoredHit[], judgements: Judgements, k: number): number {
  const ranked = rankLikeTrecEval(hits).slice(0, k);
  let dcg = 0;
  ranked.forEach((hit, index) => {
    const grade = judgements.get(hit.id) ?? 0;
    if (grade > 0) dcg += grade / Math.log2(index + 2);
  });

  const idealGrades = [...judgements.values()]
    .filter((grade) => grade > 0)
    .sort((left, right) => right - left)
    .slice(0, k);
  let idealDcg = 0;
  idealGrades.forEach((grade, index) => {
    idealDcg += grade / Math.log2(index + 2);
  });

  return idealDcg > 0 ? dcg / idealDcg : 0;
}

/**
 * Recall at cutoff k, as trec_eval's `recall.k`: relevant documents in the top k over all
 * relevant documents. 0 when the query has none.
 */
export function recallAtK(hits: readonly ScoredHit[], judgements: Judgements, k: number): number {
  const relevantCount = countRelevant(judgements);
  if (relevantCount === 0) return 0;

  const found = rankLikeTrecEval(hits)
    .slice(0, k)
    .filter((hit) => (judgements.get(hit.id) ?? 0) > 0).length;
  return found / relevantCount;
}

/**
 * Reciprocal rank cut at k: 1/rank of the first relevant document within the top k, else 0.
 * trec_eval's `recip_rank` without a cut, and BEIR's MRR@k, except that BEIR orders tied
 * scores by insertion order where this uses trec_eval's tie order.
 */
export function reciprocalRankAtK(
  hits: readonly ScoredHit[],
  judgements: Judgements,
  k: number,
): number {
  const position = rankLikeTrecEval(hits)
    .slice(0, k)
    .findIndex((hit) => (judgements.get(hit.id) ?? 0) > 0);
  return position < 0 ? 0 : 1 / (position + 1);
}

/**
 * The mean of a metric over the queries that are both in the run and in the qrels, as
 * pytrec_eval (and so BEIR) averages: a query with no judgement at all is skipped, while a
 * query whose judgements are all grade 0 is kept and scores 0. A judged query missing from
 * the run is skipped too (trec_eval without `-c`); give it an empty list to count it as 0.
 * The mean of no queries is reported as 0 with `queries: 0`.
 */
export function meanOverQueries(
  run: ReadonlyMap<string, readonly ScoredHit[]>,
  qrels: Qrels,
  metric: QueryMetric,
): { mean: number; queries: number } {
  let total = 0;
  let queries = 0;
  for (const [queryId, hits] of run) {
    const judgements = qrels.get(queryId);
    if (judgements === undefined) continue;
    total += metric(hits, judgements);
    queries += 1;
  }
  return { mean: queries === 0 ? 0 : total / queries, queries };
}

function countRelevant(judgements: Judgements): number {
  let count = 0;
  for (const grade of judgements.values()) if (grade > 0) count += 1;
  return count;
}

function compareScoreThenIdDescending(left: ScoredHit, right: ScoredHit): number {
  if (left.score > right.score) return -1;
  if (left.score < right.score) return 1;
  return compareBytewise(right.id, left.id);
}

/**
 * C `strcmp` order on the UTF-8 bytes, which is code point order. JavaScript's `<` compares
 * UTF-16 units, which puts characters above U+FFFF (surrogate pairs) before U+E000–U+FFFF.
 */
function compareBytewise(left: string, right: string): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const leftUnit = left.charCodeAt(index);
    const rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) return codePointOrder(leftUnit) - codePointOrder(rightUnit);
  }
  return left.length - right.length;
}

function codePointOrder(unit: number): number {
  const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
  return isSurrogate ? unit + 0x10000 : unit;
}
