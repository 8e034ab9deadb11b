import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { Bm25Index } from '../bm25/bm25-index.js';
import { readQrels } from '../bm25/test-support/beir-collection.js';
import { meanNdcgAt } from '../bm25/test-support/ndcg.js';
import type { CompoundMode } from './create-analyzer.js';
import { loadGermanSampleCorpus } from './test-support/german-sample-corpus.js';

const root = new URL('../../../', import.meta.url);
const bench = fileURLToPath(new URL('bench/german-compounds/', root));
const chunks = loadGermanSampleCorpus(fileURLToPath(new URL('samples/', root)));
const queries = readFileSync(`${bench}queries.jsonl`, 'utf8')
  .split('\n')
  .filter((line) => line.length > 0)
  .map((line) => JSON.parse(line) as { _id: string; text: string });
const qrels = readQrels(`${bench}qrels.tsv`);

function ndcgWith(compounds: CompoundMode, language: string): number {
  const index = new Bm25Index({ analyzer: { compounds } });
  index.addAll(chunks);
  const rankings = new Map<string, string[]>();
  for (const query of queries) {
    rankings.set(
      query._id,
      index.search(query.text, { k: 10, language }).map((hit) => hit.id),
    );
  }
  return meanNdcgAt(10, rankings, qrels);
}

describe('German compound handling on bench/german-compounds', () => {
  it('scores split above n-grams and n-grams above no splitting', () => {
    const scores = {
      none: ndcgWith('none', 'de'),
      ngrams: ndcgWith('ngrams', 'de'),
      split: ndcgWith('split', 'de'),
    };
    console.info(`nDCG@10 by compound mode: ${JSON.stringify(scores)}`);
    expect(scores.split).toBeGreaterThan(scores.ngrams);
    expect(scores.ngrams).toBeGreaterThan(scores.none);
  });

  it('finds the Regenjacke for "Jacke Regen" only when compounds are split', () => {
    const rank = (compounds: CompoundMode) => {
      const index = new Bm25Index({ analyzer: { compounds } });
      index.addAll(chunks);
      const hits = index.search('Jacke Regen', { k: 10, language: 'de' });
      const position = hits.findIndex((hit) => hit.id === 'product/BF-JKT-130-YEL');
      return position < 0 ? Infinity : position;
    };
    expect(rank('split')).toBeLessThan(3);
    expect(rank('none')).toBe(Infinity);
  });

  it('scores an unknown-language query as well as a German one', () => {
    expect(ndcgWith('split', 'und')).toBeCloseTo(ndcgWith('split', 'de'), 2);
  });
});
