import type { RerankCandidate, RerankedHit } from '../reranker.js';
import { ndcgAt } from './beir-collection.js';
import type { BeirCollection } from './beir-collection.js';
import { TinyBm25 } from './tiny-bm25.js';

export interface CandidateList {
  queryId: string;
  query: string;
  candidates: RerankCandidate[];
}

/** The top `depth` BM25 candidates (title + text in one field) of every judged query. */
export function firstStageCandidates(collection: BeirCollection, depth: number): CandidateList[] {
  const { documents } = collection;
  const bm25 = new TinyBm25(
    documents.map((document) => ({ id: document.id, text: `${document.title} ${document.text}` })),
  );
  return collection.queries.map((query) => ({
    queryId: query.id,
    query: query.text,
    candidates: bm25.search(query.text, depth).map(({ index, score }) => ({
      id: documents[index]!.id,
      title: documents[index]!.title,
      text: documents[index]!.text,
      score,
    })),
  }));
}

/** Mean nDCG@10 over all judged queries, for the first stage's order and a reranked one. */
export function meanNdcgAt10(
  collection: BeirCollection,
  lists: CandidateList[],
  rerank: (list: CandidateList) => RerankedHit[],
): { firstStage: number; reranked: number } {
  let firstStage = 0;
  let reranked = 0;
  for (const list of lists) {
    const relevant = collection.judgements.get(list.queryId) ?? new Map<string, number>();
    firstStage += ndcgAt(
      10,
      list.candidates.map((candidate) => candidate.id),
      relevant,
    );
    reranked += ndcgAt(
      10,
      rerank(list).map((hit) => hit.id),
      relevant,
    );
  }
  return { firstStage: firstStage / lists.length, reranked: reranked / lists.length };
}
