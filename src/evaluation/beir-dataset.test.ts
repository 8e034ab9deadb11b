import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { loadBeirDataset } from './beir-dataset.js';

const SHARED_DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const hasShared = existsSync(path.join(SHARED_DATASETS, 'scifact', 'corpus.jsonl'));

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true })));
});

async function datasetFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'markwerk-beir-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

const corpus =
  '{"_id": "d1", "title": "Alpha", "text": "first"}\r\n' +
  '{"_id": "d2", "text": "no title"}\n\n' +
  '{"_id": 3, "title": "Gamma", "text": "numeric id"}\n';
const queries = '{"_id": "q1", "text": "one"}\n{"_id": "q2", "text": "two"}\n{"_id": "q3"}\n';

async function loadError(files: Record<string, string>): Promise<InputError> {
  const error = await loadBeirDataset(await datasetFolder(files)).catch((caught) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('loadBeirDataset', () => {
  it('reads corpus, queries and qrels.tsv with its header, keeping judged queries', async () => {
    const folder = await datasetFolder({
      'corpus.jsonl': corpus,
      'queries.jsonl': queries,
      'qrels.tsv': 'query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq3\t3\t1\n',
    });
    const dataset = await loadBeirDataset(folder);

    expect(dataset.name).toBe(path.basename(folder));
    expect(dataset.qrelsFile).toBe(path.join(folder, 'qrels.tsv'));
    expect(dataset.documents).toEqual([
      { id: 'd1', title: 'Alpha', text: 'first' },
      { id: 'd2', title: '', text: 'no title' },
      { id: '3', title: 'Gamma', text: 'numeric id' },
    ]);
    expect(dataset.queries).toEqual([
      { id: 'q1', text: 'one' },
      { id: 'q3', text: '' },
    ]);
    expect(dataset.qrels.get('q1')).toEqual(
      new Map([
        ['d1', 2],
        ['d2', 0],
      ]),
    );
  });

  it('falls back to qrels/test.tsv, BEIR layout, without a header', async () => {
    const folder = await datasetFolder({
      'corpus.jsonl': corpus,
      'queries.jsonl': queries,
      'qrels/test.tsv': 'q2\td2\t1\n',
      'qrels/train.tsv': 'q1\td1\t1\n',
    });
    const dataset = await loadBeirDataset(folder);
    expect(dataset.queries.map((query) => query.id)).toEqual(['q2']);
  });

  it('reads another judgements file when asked', async () => {
    const folder = await datasetFolder({
      'corpus.jsonl': corpus,
      'queries.jsonl': queries,
      'qrels.tsv': 'q1\td1\t1\n',
      'other.tsv': 'q2\td1\t-1\n',
    });
    const dataset = await loadBeirDataset(folder, { qrelsFile: 'other.tsv' });
    expect(dataset.qrels.get('q2')?.get('d1')).toBe(-1);
  });

  it('names the file and line of a malformed JSON line', async () => {
    const error = await loadError({
      'corpus.jsonl': '{"_id": "d1", "text": "ok"}\n{"_id": "d2", "text": \n',
      'queries.jsonl': queries,
      'qrels.tsv': 'q1\td1\t1\n',
    });
    expect(error.details).toMatchObject({ line: 2 });
    expect(error.message).toMatch(/corpus\.jsonl:2: invalid JSON/);
  });

  it('rejects lines without an id, duplicate ids and non-object lines', async () => {
    const base = { 'queries.jsonl': queries, 'qrels.tsv': 'q1\td1\t1\n' };
    const noId = await loadError({ ...base, 'corpus.jsonl': '{"text": "x"}\n' });
    expect(noId.message).toMatch(/corpus\.jsonl:1: "_id" is missing/);
    const twice = await loadError({
      ...base,
      'corpus.jsonl': '{"_id": "d1"}\n{"_id": "d1"}\n',
    });
    expect(twice.message).toMatch(/corpus\.jsonl:2: document id "d1" appears twice/);
    const array = await loadError({ ...base, 'corpus.jsonl': '[1, 2]\n' });
    expect(array.message).toMatch(/expected a JSON object/);
  });

  it('rejects malformed qrels rows with the line', async () => {
    const base = { 'corpus.jsonl': corpus, 'queries.jsonl': queries };
    const columns = await loadError({ ...base, 'qrels.tsv': 'q1\td1\t1\nq1 d2 1\n' });
    expect(columns.message).toMatch(/qrels\.tsv:2: expected three tab-separated columns/);
    const grade = await loadError({ ...base, 'qrels.tsv': 'q1\td1\t1\nq1\td2\t0.5\n' });
    expect(grade.message).toMatch(/qrels\.tsv:2: score "0\.5" is not an integer/);
    const twice = await loadError({ ...base, 'qrels.tsv': 'q1\td1\t1\nq1\td1\t2\n' });
    expect(twice.message).toMatch(/qrels\.tsv:2: query q1 judges document d1 twice/);
    const unknown = await loadError({ ...base, 'qrels.tsv': 'h\th\th\nq9\td1\t1\n' });
    expect(unknown.message).toMatch(/qrels\.tsv:2: query q9 is judged but missing/);
  });

  it('says which file is missing', async () => {
    const folder = await datasetFolder({ 'corpus.jsonl': corpus, 'queries.jsonl': queries });
    await expect(loadBeirDataset(folder)).rejects.toThrow(/add qrels\.tsv or qrels\/test\.tsv/);
  });
});

describe.skipIf(!hasShared)(
  'loadBeirDataset on the shared sets (skipped: ../shared absent)',
  () => {
    it('loads SciFact with the BEIR counts', async () => {
      const dataset = await loadBeirDataset(path.join(SHARED_DATASETS, 'scifact'));
      expect(dataset.documents).toHaveLength(5183);
      expect(dataset.queries).toHaveLength(300);
      const pairs = [...dataset.qrels.values()].reduce((sum, judged) => sum + judged.size, 0);
      expect(pairs).toBe(339);
    });

    it('loads Cranfield with the graded qrels.tsv, not the code −1 rows', async () => {
      const dataset = await loadBeirDataset(path.join(SHARED_DATASETS, 'cranfield'));
      expect(dataset.qrelsFile.endsWith(`cranfield${path.sep}qrels.tsv`)).toBe(true);
      expect(dataset.documents).toHaveLength(1400);
      expect(dataset.queries).toHaveLength(225);
      const grades = [...dataset.qrels.values()].flatMap((judged) => [...judged.values()]);
      expect(grades).toHaveLength(1612);
      expect(new Set(grades)).toEqual(new Set([1, 2, 3, 4]));
    });
  },
);
