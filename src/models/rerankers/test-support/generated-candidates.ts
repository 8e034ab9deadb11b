import { createSeededRandom } from '../../../core/seeded-random.js';
import type { RerankCandidate } from '../reranker.js';

const vocabulary = (
  'wanderschuhe jacke zelt rucksack schlafsack regen wasserdicht atmungsaktiv leicht warm ' +
  'alpine trail summit ridge glacier valley forest meadow river canyon boulder waterproof ' +
  'breathable seam zipper hood pocket strap buckle frame fabric down synthetic weight durable ' +
  'repair warranty return exchange size fit comfort the and of for with über für grün'
).split(' ');

/** `count` candidates of `words` words each, with titles and falling first-stage scores. */
export function generatedCandidates(count: number, words: number, seed = 1): RerankCandidate[] {
  const next = createSeededRandom(seed);
  const pick = (): string => vocabulary[Math.floor(next() * vocabulary.length)]!;
  return Array.from({ length: count }, (_, index) => ({
    id: `candidate-${index}`,
    title: Array.from({ length: 6 }, pick).join(' '),
    text: Array.from({ length: words }, pick).join(' '),
    score: 20 - index * 0.3,
  }));
}
