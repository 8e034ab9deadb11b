/**
 * Reads a BEIR-layout test collection (corpus.jsonl, queries.jsonl, qrels.tsv).
 * @module
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SearchableChunk } from '../../types.js';
import type { Judgements } from './ndcg.js';

export interface BeirCollection {
  chunks: SearchableChunk[];
  queries: { id: string; text: string }[];
  qrels: Map<string, Map<string, number>>;
}

function jsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

/** Loads a collection; every chunk is English, title and text as BEIR gives them. */
export function loadBeirCollection(directory: string, split = ''): BeirCollection {
  type Row = { _id: string; title?: string; text: string };
  const chunks = jsonLines<Row>(join(directory, 'corpus.jsonl')).map((row) => ({
    id: row._id,
    documentId: row._id,
    title: row.title ?? '',
    text: row.text,
    language: 'en',
    fields: {},
  }));
  const queries = jsonLines<Row>(join(directory, `queries${split}.jsonl`)).map((row) => ({
    id: row._id,
    text: row.text,
  }));
  return { chunks, queries, qrels: readQrels(join(directory, `qrels${split}.tsv`)) };
}

/** Reads "query-id corpus-id score" lines, skipping a header. */
export function readQrels(path: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [queryId, documentId, grade] = line.trim().split('\t');
    if (queryId === undefined || documentId === undefined || grade === undefined) continue;
    if (queryId === 'query-id' || Number.isNaN(Number(grade))) continue;
    const judgements = qrels.get(queryId) ?? new Map<string, number>();
    judgements.set(documentId, Number(grade));
    qrels.set(queryId, judgements);
  }
  return qrels as Map<string, Map<string, number>> & Map<string, Judgements>;
}
