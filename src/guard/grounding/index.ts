/**
 * Grounding: are the factual sentences of an output backed by the passages it cites?
 * @module
 */

export { checkGrounding } from './check-grounding.js';
export type {
  GroundingOptions,
  GroundingReason,
  GroundingReport,
  SentenceGrounding,
} from './check-grounding.js';
export { entityFactsOf, missingFacts, numberFactsOf, parseNumber } from './facts.js';
export type { EntityFact, Fact, NumberFact } from './facts.js';
export { citedIds, factualSentences, sentenceSpans } from './factual-sentences.js';
export type { FactualSentence, SentenceSpan } from './factual-sentences.js';
export { createGroundingDetector } from './grounding-detector.js';
export type { GroundingDetectorOptions } from './grounding-detector.js';
