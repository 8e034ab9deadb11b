import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Qrels } from './retrieval-metrics.js';

/** Parsed judgements and, for each query, the line of its first judgement. */
export interface QrelsFile {
  qrels: Qrels;
  firstLineOf: ReadonlyMap<string, number>;
}

/**
 * Reads a BEIR qrels file: tab-separated `query-id corpus-id score` rows with integer
 * scores. A first line whose score column is not a number is taken as the header, as
 * BEIR's loader skips it. Rows are kept as given, including grades of 0 or below, which
 * the metrics count as judged and not relevant.
 */
export async function readQrels(file: string): Promise<QrelsFile> {
  const lines = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  const qrels = new Map<string, Map<string, number>>();
  const firstLineOf = new Map<string, number>();

  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const fields = text.split('\t');
    if (line === 1 && fields.length === 3 && !/^-?\d+$/.test(fields[2]!.trim())) return;

    const [queryId, documentId, score] = fields.map((field) => field.trim());
    if (fields.length !== 3 || !queryId || !documentId || score === undefined) {
      throw new InputError(
        'expected three tab-separated columns: query-id, corpus-id, integer score',
        { file, line },
      );
    }
    if (!/^-?\d+$/.test(score)) {
      throw new InputError(`score "${score}" is not an integer; relevance grades are 0, 1, 2…`, {
        file,
        line,
      });
    }

    const judgements = qrels.get(queryId) ?? new Map<string, number>();
    if (judgements.has(documentId)) {
      throw new InputError(
        `query ${queryId} judges document ${documentId} twice; keep one of the rows`,
        { file, line },
      );
    }
    judgements.set(documentId, Number(score));
    qrels.set(queryId, judgements);
    if (!firstLineOf.has(queryId)) firstLineOf.set(queryId, line);
  });

  return { qrels, firstLineOf };
}
