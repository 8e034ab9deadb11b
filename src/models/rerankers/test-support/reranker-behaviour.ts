import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RerankCandidate, Reranker } from '../reranker.js';

const query = 'waterproof hiking boots';

const candidates: RerankCandidate[] = [
  { id: 'tent', text: 'A two-person tent with a light aluminium frame.' },
  { id: 'boots', title: 'Hiking boots', text: 'Waterproof hiking boots with a grippy sole.' },
  { id: 'jacket', text: 'A waterproof jacket for rainy days.' },
  { id: 'stove', text: 'A camping stove that boils water in three minutes.' },
];

/** Forty candidates, more than one batch of any adapter under test. */
const manyCandidates: RerankCandidate[] = Array.from({ length: 40 }, (_, index) => ({
  id: `item-${index}`,
  text: index === 27 ? 'waterproof hiking boots, size 44' : `spare part number ${index}`,
}));

/**
 * The behaviour every Reranker adapter must show, run against each of them. `open` creates
 * the reranker (and whatever it talks to); the suite closes it.
 */
export function describeRerankerBehaviour(name: string, open: () => Promise<Reranker>): void {
  describe(`${name}: shared reranker behaviour`, () => {
    let reranker: Reranker;

    beforeAll(async () => {
      reranker = await open();
    });
    afterAll(() => reranker.close());

    it('has a model id', () => {
      expect(reranker.modelId).toMatch(/\S/);
    });

    it('returns [] for an empty candidate list', async () => {
      await expect(reranker.rerank(query, [])).resolves.toEqual([]);
    });

    it('scores every candidate exactly once, sorted best first', async () => {
      const hits = await reranker.rerank(query, candidates);

      expect(hits.map((hit) => hit.id).sort()).toEqual(candidates.map((c) => c.id).sort());
      for (const hit of hits) expect(Number.isFinite(hit.score)).toBe(true);
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((left, right) => right - left));
    });

    it('ranks the candidate that answers the query first', async () => {
      const hits = await reranker.rerank(query, candidates);

      expect(hits[0]?.id).toBe('boots');
    });

    it('keeps the input order among equal scores, and gives the same answer twice', async () => {
      const twins = ['d', 'b', 'c', 'a'].map((id) => ({ id, text: 'identical spare strap' }));
      const mixed = [...twins.slice(0, 2), candidates[1]!, ...twins.slice(2)];

      const first = await reranker.rerank(query, mixed);
      const second = await reranker.rerank(query, mixed);

      expect(first.map((hit) => hit.id)).toEqual(['boots', 'd', 'b', 'c', 'a']);
      expect(second).toEqual(first);
    });

    it('handles more candidates than a batch, keeping each score with its candidate', async () => {
      const hits = await reranker.rerank(query, manyCandidates);

      expect(hits).toHaveLength(manyCandidates.length);
      expect(new Set(hits.map((hit) => hit.id)).size).toBe(manyCandidates.length);
      expect(hits[0]?.id).toBe('item-27');
    });
  });
}
