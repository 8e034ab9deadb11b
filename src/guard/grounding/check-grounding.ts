/**
 * Grounding: is each factual sentence of an output backed by the passages it cites? A sentence
 * is supported when its stems overlap a source enough or its embedding is close enough to a
 * source sentence, and every number, unit, price and name in it appears in the cited sources
 * exactly.
 * @module
 */

import type { Embedder } from '../../models/embedders/embedder.js';
import type { GuardFinding } from '../finding.js';
import type { GuardCitation } from '../engine/detector.js';
import { missingFacts } from './facts.js';
import { factualSentences, withoutCitations } from './factual-sentences.js';
import {
  analyzer,
  citedSources,
  EVIDENCE_SENTENCES,
  prepareSource,
  shareFound,
} from './grounding-sources.js';
import { similarityTable } from './sentence-similarity.js';

export interface GroundingOptions {
  lang: 'en' | 'de';
  /** The passages the output may rely on; cited by id ("[chunk-7]") or 1-based position ("[1]"). */
  sources: readonly GuardCitation[];
  /** Any Embedder; without one, only lexical overlap counts. */
  embedder?: Embedder | undefined;
  /** Share of the sentence's stems found in one source that supports it. Default 0.6. */
  minOverlap?: number;
  /** Cosine similarity to one source sentence that supports it. Default 0.8 (USE lite). */
  minSimilarity?: number;
  /** Names that count as entities in German text too (brand terms, product names). */
  knownNames?: readonly string[];
}

export type GroundingReason =
  'supported' | 'unknown-citation' | 'no-source' | 'facts-differ' | 'low-overlap';

export interface SentenceGrounding {
  start: number;
  end: number;
  text: string;
  supported: boolean;
  reason: GroundingReason;
  /** Best share of the sentence's stems found in one source, 0..1. */
  overlap: number;
  /** Best cosine similarity to one source sentence, when an embedder is given. */
  similarity?: number;
  /** Id of the source that came closest. */
  bestSource?: string;
  /** Facts the cited sources do not state exactly. */
  missing: string[];
}

export interface GroundingReport {
  sentences: SentenceGrounding[];
  factualSentences: number;
  unsupported: number;
  /** Unsupported factual sentences over factual sentences; 0 when there are none. */
  unsupportedClaimRate: number;
  /** One `UNSUPPORTED_CLAIM` finding per unsupported sentence, action `flag`. */
  findings: GuardFinding[];
}

/** Checks every factual sentence of `output` against the sources. */
export async function checkGrounding(
  output: string,
  options: GroundingOptions,
): Promise<GroundingReport> {
  const minOverlap = options.minOverlap ?? 0.6;
  const minSimilarity = options.minSimilarity ?? 0.8;
  const claims = factualSentences(output, options.lang, options.knownNames);
  const sources = options.sources.map((source) => prepareSource(source, options.lang));
  const similarities = await similarityTable(claims, sources, options.embedder);

  const sentences = claims.map((claim, index): SentenceGrounding => {
    const candidates = citedSources(claim.text, sources);
    const base = { start: claim.start, end: claim.end, text: claim.text };
    if (candidates === 'unknown') {
      return { ...base, supported: false, reason: 'unknown-citation', overlap: 0, missing: [] };
    }
    if (candidates.length === 0) {
      return { ...base, supported: false, reason: 'no-source', overlap: 0, missing: [] };
    }

    const stems = new Set(analyzer.tokens(withoutCitations(claim.text), options.lang));
    const windows = candidates
      .flatMap((source) => source.windows)
      .map((window) => ({ ...window, overlap: shareFound(stems, window.stems) }))
      .sort((first, second) => second.overlap - first.overlap);
    const closest = similarities?.[index]?.filter((entry) => candidates.includes(entry.source));
    const similar = closest?.sort((first, second) => second.similarity - first.similarity)[0];

    const overlap = windows[0]?.overlap ?? 0;
    const similarity = similar?.similarity ?? 0;
    const evidence = candidates
      .flatMap((source) => source.sentenceStems)
      .map((entry) => ({ text: entry.text, overlap: shareFound(stems, entry.stems) }))
      .sort((first, second) => second.overlap - first.overlap)
      .filter((entry, rank) => rank === 0 || entry.overlap >= minOverlap)
      .slice(0, EVIDENCE_SENTENCES)
      .map((entry) => entry.text);
    if (similar) evidence.push(similar.sentence);
    const missing = missingFacts(claim.facts, evidence.join('\n'));
    const close = overlap >= minOverlap || similarity >= minSimilarity;
    const reason: GroundingReason = !close
      ? 'low-overlap'
      : missing.length > 0
        ? 'facts-differ'
        : 'supported';
    const bestSource =
      similar && similarity > overlap ? similar.source.id : (windows[0]?.sourceId ?? '');

    return {
      ...base,
      supported: reason === 'supported',
      reason,
      overlap,
      ...(similarities ? { similarity } : {}),
      bestSource,
      missing: missing.map((fact) => fact.text),
    };
  });

  const unsupported = sentences.filter((sentence) => !sentence.supported);
  return {
    sentences,
    factualSentences: sentences.length,
    unsupported: unsupported.length,
    unsupportedClaimRate: sentences.length === 0 ? 0 : unsupported.length / sentences.length,
    findings: unsupported.map(toFinding),
  };
}

function toFinding(sentence: SentenceGrounding): GuardFinding {
  const rule = `grounding.${sentence.reason}`;
  return {
    type: 'UNSUPPORTED_CLAIM',
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    score: unsupportedScore(sentence),
    rule,
    action: 'flag',
    details: {
      reason: sentence.reason,
      overlap: sentence.overlap,
      ...(sentence.similarity !== undefined ? { similarity: sentence.similarity } : {}),
      ...(sentence.bestSource ? { bestSource: sentence.bestSource } : {}),
      missing: sentence.missing,
    },
  };
}

/** How sure the check is that the sentence is unsupported: a fact mismatch is near certain. */
function unsupportedScore(sentence: SentenceGrounding): number {
  if (sentence.reason === 'facts-differ') return 0.9;
  if (sentence.reason !== 'low-overlap') return 1;
  return Number((1 - Math.max(sentence.overlap, sentence.similarity ?? 0)).toFixed(3));
}
