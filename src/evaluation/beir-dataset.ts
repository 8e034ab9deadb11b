/**
 * Loads a retrieval test collection in the BEIR layout.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError, MarkwerkError } from '../core/errors.js';
import { readJsonLines } from './read-json-lines.js';
import { readQrels } from './read-qrels.js';
import type { Qrels } from './retrieval-metrics.js';

export interface BeirDocument {
  id: string;
  title: string;
  text: string;
}

export interface BeirQuery {
  id: string;
  text: string;
}

export interface BeirDataset {
  /** The folder name, e.g. `scifact`. */
  name: string;
  directory: string;
  /** The judgements file that was read. */
  qrelsFile: string;
  /** Every document of `corpus.jsonl`, in file order. */
  documents: BeirDocument[];
  /** The queries that have at least one judgement, in `queries.jsonl` order (as BEIR). */
  queries: BeirQuery[];
  qrels: Qrels;
}

export interface LoadBeirDatasetOptions {
  /** Judgements to use instead of the default, relative to the dataset folder. */
  qrelsFile?: string;
  /** Queries to use instead of `queries.jsonl` (e.g. a training split), relative too. */
  queriesFile?: string;
}

/** Where the test judgements live, in the order they are looked for. */
export const DEFAULT_QRELS_FILES = ['qrels.tsv', path.join('qrels', 'test.tsv')] as const;

/**
 * Reads `corpus.jsonl` and `queries.jsonl` (streamed line by line) and the test judgements:
 * `qrels.tsv`, else `qrels/test.tsv` (BEIR's own layout). Other files beside them are not
 * read. In Cranfield that matters: `qrels.tsv` holds the graded judgements behind the
 * published figures, while `qrels-code-minus1.tsv` keeps the 225 rows of undocumented code
 * −1 that the README scores separately (trec_eval would give them no gain anyway, as it
 * treats negative grades as unjudged). Its `queries.jsonl` is already numbered the way the
 * judgements are, so `query-id-map.tsv` is only a key back to the original labels.
 * Malformed lines throw an InputError with the file and line.
 */
export async function loadBeirDataset(
  directory: string,
  options: LoadBeirDatasetOptions = {},
): Promise<BeirDataset> {
  const qrelsFile = resolveQrelsFile(directory, options.qrelsFile);
  const corpusFile = requireFile(directory, 'corpus.jsonl');
  const queriesFile = requireFile(directory, options.queriesFile ?? 'queries.jsonl');

  const documents: BeirDocument[] = [];
  const documentIds = new Set<string>();
  for await (const { value, line } of readJsonLines(corpusFile)) {
    const record = asRecord(value, corpusFile, line);
    const document = {
      id: readId(record, corpusFile, line),
      title: readText(record, 'title', corpusFile, line),
      text: readText(record, 'text', corpusFile, line),
    };
    if (documentIds.has(document.id)) {
      throw new InputError(`document id "${document.id}" appears twice`, {
        file: corpusFile,
        line,
      });
    }
    documentIds.add(document.id);
    documents.push(document);
  }

  const allQueries = new Map<string, BeirQuery>();
  for await (const { value, line } of readJsonLines(queriesFile)) {
    const record = asRecord(value, queriesFile, line);
    const query = {
      id: readId(record, queriesFile, line),
      text: readText(record, 'text', queriesFile, line),
    };
    if (allQueries.has(query.id)) {
      throw new InputError(`query id "${query.id}" appears twice`, { file: queriesFile, line });
    }
    allQueries.set(query.id, query);
  }

  const { qrels, firstLineOf } = await readQrels(qrelsFile);
  for (const [queryId, line] of firstLineOf) {
    if (!allQueries.has(queryId)) {
      throw new InputError(`query ${queryId} is judged but missing from ${queriesFile}`, {
        file: qrelsFile,
        line,
      });
    }
  }
  const queries = [...allQueries.values()].filter((query) => qrels.has(query.id));

  return {
    name: path.basename(path.resolve(directory)),
    directory,
    qrelsFile,
    documents,
    queries,
    qrels,
  };
}

function resolveQrelsFile(directory: string, chosen: string | undefined): string {
  if (chosen !== undefined) return requireFile(directory, chosen);
  const found = DEFAULT_QRELS_FILES.map((name) => path.join(directory, name)).find((file) =>
    existsSync(file),
  );
  if (found !== undefined) return found;
  throw new MarkwerkError(
    'INPUT_NOT_FOUND',
    `No judgements in ${directory}: add qrels.tsv or qrels/test.tsv, or name the file.`,
    { details: { directory } },
  );
}

function requireFile(directory: string, name: string): string {
  const file = path.resolve(directory, name);
  if (existsSync(file)) return file;
  throw new MarkwerkError(
    'INPUT_NOT_FOUND',
    `${file} is missing; a BEIR dataset folder holds corpus.jsonl, queries.jsonl and qrels.`,
    { details: { file } },
  );
}

function asRecord(value: unknown, file: string, line: number): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new InputError('expected a JSON object such as {"_id": …, "text": …}', { file, line });
}

function readId(record: Record<string, unknown>, file: string, line: number): string {
  const id = record['_id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') return String(id);
  throw new InputError('"_id" is missing or empty; every line needs a string "_id"', {
    file,
    line,
  });
}

function readText(
  record: Record<string, unknown>,
  key: 'title' | 'text',
  file: string,
  line: number,
): string {
  const value = record[key];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  throw new InputError(`"${key}" must be a string, not ${typeof value}`, { file, line });
}
