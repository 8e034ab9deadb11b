import { describe, expect, it } from 'vitest';
import type { ScoredHit } from '../retrieval/types.js';
import type { BeirDocument } from './beir-dataset.js';
import { evaluateRetrieval, type RetrievalSystem } from './evaluate-retrieval.js';

const dataset = {
  name: 'tiny',
  documents: [
    { id: 'd1', title: 'red apples', text: 'apples are red' },
    { id: 'd2', title: 'green', text: 'pears are green' },
    { id: 'd3', title: 'fruit', text: 'apples and pears' },
  ],
  queries: [
    { id: 'q1', text: 'apples' },
    { id: 'q2', text: 'pears' },
  ],
  qrels: new Map([
    ['q1', new Map([['d1', 2]])],
    ['q2', new Map([['d2', 1]])],
  ]),
};

/**
 * A stand-in system: scores a document by how often the query word occurs in it, and lists
 * tied documents by id ascending (the evaluator must re-order them trec_eval's way).
 */
function wordCountSystem(): RetrievalSystem & { indexed: BeirDocument[]; depths: number[] } {
  const state = { indexed: [] as BeirDocument[], depths: [] as number[] };
  return {
    ...state,
    name: 'word-count',
    index(documents) {
      state.indexed.push(...documents);
    },
    async search(query, k): Promise<ScoredHit[]> {
      state.depths.push(k);
      return state.indexed
        .map((document) => ({
          id: document.id,
          score: `${document.title} ${document.text}`.split(query).length - 1,
        }))
        .filter((hit) => hit.score > 0)
        .sort((left, right) => right.score - left.score || left.id.localeCompare(right.id))
        .slice(0, k);
    },
  };
}

describe('evaluateRetrieval', () => {
  it('returns exactly the agreed keys, with trec_eval-style scores', async () => {
    const system = wordCountSystem();
    const result = await evaluateRetrieval(dataset, system, { mode: 'bm25' });

    expect(Object.keys(result)).toEqual([
      'system',
      'dataset',
      'mode',
      'queries',
      'ndcg@10',
      'recall@100',
      'mrr@10',
      'index_ms',
      'p50_ms',
      'p95_ms',
    ]);
    expect(result).toMatchObject({ system: 'word-count', dataset: 'tiny', mode: 'bm25' });
    expect(result.queries).toBe(2);
    // q1: d1 (2 hits) first → 1. q2: d2 and d3 tie at 1 → 'd3' ranks first, d2 second.
    expect(result['ndcg@10']).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 12);
    expect(result['mrr@10']).toBeCloseTo((1 + 1 / 2) / 2, 12);
    expect(result['recall@100']).toBe(1);
    for (const key of ['index_ms', 'p50_ms', 'p95_ms'] as const) {
      expect(result[key]).toBeGreaterThanOrEqual(0);
    }
    expect(result.p95_ms).toBeGreaterThanOrEqual(result.p50_ms);
  });

  it('indexes every document once and asks for depth hits per query', async () => {
    const system = wordCountSystem();
    const result = await evaluateRetrieval(dataset, system, { k: 1, depth: 1 });
    expect(system.indexed).toHaveLength(3);
    expect(system.depths).toEqual([1, 1]);
    expect(result.mode).toBe('word-count');
    // q2's tie is cut to d2 by the system itself, so both queries find their document.
    expect(result['ndcg@1']).toBe(1);
    expect(result['recall@1']).toBe(1);
  });

  it('with warmup, answers every query once untimed and scores the timed pass', async () => {
    const system = wordCountSystem();
    const cold = await evaluateRetrieval(dataset, wordCountSystem(), { k: 1, depth: 1 });
    const warm = await evaluateRetrieval(dataset, system, { k: 1, depth: 1, warmup: true });
    expect(system.depths).toEqual([1, 1, 1, 1]);
    expect(warm['ndcg@1']).toBe(cold['ndcg@1']);
  });

  it('rejects cutoffs that are not whole numbers of at least 1', async () => {
    await expect(evaluateRetrieval(dataset, wordCountSystem(), { k: 0 })).rejects.toThrow(
      /k must be a whole number/,
    );
  });
});
