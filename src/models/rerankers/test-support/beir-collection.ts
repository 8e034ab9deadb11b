import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirCollection {
  documents: BeirDocument[];
  queries: { id: string; text: string }[];
  /** query id → relevant document id → gain */
  judgements: Map<string, Map<string, number>>;
}

function readJsonLines(file: string): Record<string, string>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

/**
 * Reads a BEIR-layout folder. `split` picks `queries.jsonl` + `qrels.tsv` (test) or the
 * `-train` files, which are the ones to tune on.
 */
export function readBeirCollection(folder: string, split: 'test' | 'train'): BeirCollection {
  const suffix = split === 'train' ? '-train' : '';
  const documents = readJsonLines(path.join(folder, 'corpus.jsonl')).map((row) => ({
    id: String(row._id),
    title: row.title ?? '',
    text: row.text ?? '',
  }));
  const queries = readJsonLines(path.join(folder, `queries${suffix}.jsonl`)).map((row) => ({
    id: String(row._id),
    text: row.text ?? '',
  }));
  const judgements = new Map<string, Map<string, number>>();
  const lines = readFileSync(path.join(folder, `qrels${suffix}.tsv`), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [queryId, documentId, gain] = line.trim().split('\t');
    if (!queryId || !documentId) continue;
    const forQuery = judgements.get(queryId) ?? new Map<string, number>();
    forQuery.set(documentId, Number(gain));
    judgements.set(queryId, forQuery);
  }
  return { documents, queries: queries.filter((query) => judgements.has(query.id)), judgements };
}

/** nDCG@k with linear gains and a 1/log2(rank + 1) discount, as trec_eval's ndcg_cut. */
export function ndcgAt(k: number, ranked: string[], relevant: Map<string, number>): number {
  let gained = 0;
  ranked.slice(0, k).forEach((id, rank) => {
    gained += (relevant.get(id) ?? 0) / Math.log2(rank + 2);
  });
  const ideal = [...relevant.values()]
    .filter((gain) => gain > 0)
    .sort((left, right) => right - left)
    .slice(0, k)
    .reduce((sum, gain, rank) => sum + gain / Math.log2(rank + 2), 0);
  return ideal > 0 ? gained / ideal : 0;
}
