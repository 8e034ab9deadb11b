import { bench, describe } from 'vitest';
import { FeatureReranker } from './feature-reranker.js';
import { generatedCandidates } from './test-support/generated-candidates.js';

// Budget: under 2 ms for 50 candidates of 250 words. Run with
// `npx vitest bench --run src/models/rerankers/feature-reranker.bench.ts`.
describe('FeatureReranker, 50 candidates of 250 words', () => {
  const reranker = new FeatureReranker();
  const candidates = generatedCandidates(50, 250);

  bench('three-term German query', () => {
    reranker.explain('wasserdichte Wanderschuhe für den Winter', candidates);
  });

  bench('six-term English query', () => {
    reranker.explain('durable waterproof hood with a sealed seam and zipper', candidates);
  });
});
