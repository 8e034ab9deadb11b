import { describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import { FeatureReranker, defaultFeatureWeights } from './feature-reranker.js';
import { generatedCandidates } from './test-support/generated-candidates.js';
import { describeRerankerBehaviour } from './test-support/reranker-behaviour.js';

describeRerankerBehaviour('FeatureReranker', async () => new FeatureReranker());

describe('FeatureReranker features', () => {
  const reranker = new FeatureReranker();

  const featuresOf = (query: string, text: string, title?: string) =>
    reranker.explain(query, [{ id: 'only', text, title }])[0]!.features;

  it('gives full marks to a text holding the query as a phrase, none to an unrelated one', () => {
    expect(featuresOf('waterproof hiking boots', 'New waterproof hiking boots.')).toEqual({
      coverage: 1,
      phrase: 1,
      proximity: 1,
      title: 0,
      firstStage: 0,
    });
    expect(featuresOf('waterproof hiking boots', 'A camping stove.')).toEqual({
      coverage: 0,
      phrase: 0,
      proximity: 0,
      title: 0,
      firstStage: 0,
    });
  });

  it('measures coverage, order and distance separately', () => {
    const scattered = featuresOf(
      'waterproof hiking boots',
      'Boots for the city. Hiking is fun. Bring a waterproof bag.',
    );

    expect(scattered.coverage).toBe(1);
    expect(scattered.phrase).toBe(0);
    // Smallest window holding all three terms: "boots city hiking fun bring waterproof" (6).
    expect(scattered.proximity).toBeCloseTo(3 / 6);

    const twoOfThree = featuresOf('waterproof hiking boots', 'hiking boots');
    expect(twoOfThree.coverage).toBeCloseTo(2 / 3);
    expect(twoOfThree.phrase).toBeCloseTo(1 / 2);
    expect(twoOfThree.proximity).toBeCloseTo((2 / 2) * (2 / 3));
  });

  it('matches German inflections, compounds and umlauts in part', () => {
    const features = featuresOf('wasserdichte Schuhe für Kinder', 'Kinderschuhe, WASSERDICHT');

    // "wasserdicht" shares a prefix with "wasserdichte" (0.8), "kinderschuhe" starts like
    // "kinder" (0.8) and contains "schuhe" (0.5); "für" is a function word.
    expect(features.coverage).toBeCloseTo((0.8 + 0.5 + 0.8) / 3);
    expect(featuresOf('Müsli', 'musli').coverage).toBe(1);
    expect(featuresOf('Fußball', 'FUSSBALL').coverage).toBe(1);
    expect(featuresOf('Café crème', 'CAFE CREME').phrase).toBe(1);
  });

  it('counts the title separately and scales first-stage scores within the list', () => {
    const hits = reranker.explain('trail shoes', [
      { id: 'low', text: 'trail shoes', score: 2 },
      { id: 'titled', title: 'Trail shoes', text: 'for runners', score: 4 },
      { id: 'high', text: 'trail shoes', score: 12 },
    ]);
    const byId = new Map(hits.map((hit) => [hit.id, hit.features]));

    expect(byId.get('titled')?.title).toBe(1);
    expect(byId.get('low')?.title).toBe(0);
    expect(byId.get('low')?.firstStage).toBe(0);
    expect(byId.get('titled')?.firstStage).toBeCloseTo(0.2);
    expect(byId.get('high')?.firstStage).toBe(1);
  });

  it('combines the features with the configured weights', () => {
    const wordsOnly = new FeatureReranker({ firstStage: 0, phrase: 0, proximity: 0, title: 0 });
    const [best] = wordsOnly.explain('trail shoes', [
      { id: 'half', text: 'trail', score: 100 },
      { id: 'full', text: 'trail shoes', score: 1 },
    ]);

    expect(best).toMatchObject({ id: 'full', score: defaultFeatureWeights.coverage });
    expect(new FeatureReranker().explain('trail shoes', [])).toEqual([]);
  });

  it('keeps the first-stage order when the query has no content words', () => {
    const candidates = generatedCandidates(5, 20);
    const hits = reranker.explain('the and of', candidates);

    expect(hits.map((hit) => hit.id)).toEqual(candidates.map((candidate) => candidate.id));
  });

  it('rejects negative or non-finite weights, naming the key', () => {
    expect(() => new FeatureReranker({ title: -1 })).toThrow(MarkwerkError);
    expect(() => new FeatureReranker({ phrase: Number.NaN })).toThrow(/weight "phrase"/);
  });
});
