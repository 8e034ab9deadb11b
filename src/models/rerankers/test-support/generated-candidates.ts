import type { RerankCandidate } from '../reranker.js';

const vocabulary = (
  'wanderschuhe jacke zelt rucksack schlafsack regen wasserdicht atmungsaktiv leicht warm ' +
  'alpine trail summit ridge glacier valley forest meadow river canyon boulder waterproof ' +
  'breathable seam zipper hood pocket strap buckle frame fabric down synthetic weight durable ' +
  'repair warranty return exchange size fit comfort the and of for with über für grün'
).split(' ');

/** A deterministic pseudo-random generator, so generated candidates are the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** `count` candidates of `words` words each, with titles and falling first-stage scores. */
export function generatedCandidates(count: number, words: number, seed = 1): RerankCandidate[] {
  const next = random(seed);
  const pick = (): string => vocabulary[Math.floor(next() * vocabulary.length)]!;
  return Array.from({ length: count }, (_, index) => ({
    id: `candidate-${index}`,
    title: Array.from({ length: 6 }, pick).join(' '),
    text: Array.from({ length: words }, pick).join(' '),
    score: 20 - index * 0.3,
  }));
}
