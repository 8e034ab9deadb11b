/**
 * Grounding: is each factual sentence of an output backed by the passages it cites? A sentence
 * is supported when its stems overlap a source enough or its embedding is close enough to a
 * source sentence, and every number, unit, price and name in it appears in the cited sources
 * exactly.
 * @module
 */

import type { Embedder } from '../../models/embedders/embedder.js';
import { createAnalyzer } from '../../retrieval/analysis/create-analyzer.js';
import type { GuardFinding } from '../finding.js';
import type { GuardCitation } from '../engine/detector.js';
import { missingFacts } from './facts.js';
import {
  citedIds,
  factualSentences,
  sentenceSpans,
  withoutCitations,
  type FactualSentence,
} from './factual-sentences.js';

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

const analyzer = createAnalyzer({ compounds: 'none' });

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

/**
 * Passages are compared window by window, a window being up to three adjacent sentences, so a
 * long source does not support a sentence merely by containing its words somewhere.
 */
const WINDOW_SENTENCES = 3;
/**
 * Where a claim's facts must be: the source sentence closest to it, and up to two more that
 * are close on their own. Looking further (the whole source, or windows) lets a changed
 * number match a neighbouring table row or list item: on the sample knowledge base, 84 % of
 * one-off number changes were caught with three-sentence windows, 96 % this way.
 */
const EVIDENCE_SENTENCES = 3;

interface SourceWindow {
  sourceId: string;
  text: string;
  stems: Set<string>;
}

type PreparedSource = GuardCitation & {
  sentences: string[];
  sentenceStems: Array<{ text: string; stems: Set<string> }>;
  windows: SourceWindow[];
};

function prepareSource(source: GuardCitation, lang: 'en' | 'de'): PreparedSource {
  const sentences = sentenceSpans(source.text).map((span) => span.text);
  const windows = sentences.map((_, index) => {
    const text = sentences.slice(index, index + WINDOW_SENTENCES).join(' ');
    return { sourceId: source.id, text, stems: new Set(analyzer.tokens(text, lang)) };
  });
  const sentenceStems = sentences.map((text) => ({
    text,
    stems: new Set(analyzer.tokens(text, lang)),
  }));
  return { ...source, sentences, sentenceStems, windows };
}

/** The sources a sentence cites, all sources when it cites none, `unknown` when no id resolves. */
function citedSources(
  sentence: string,
  sources: readonly PreparedSource[],
): PreparedSource[] | 'unknown' {
  const ids = citedIds(sentence);
  if (ids.length === 0) return [...sources];
  const cited = ids
    .map((id) => sources.find((source) => source.id === id) ?? byPosition(id, sources))
    .filter((source): source is PreparedSource => source !== undefined);
  return cited.length === 0 ? 'unknown' : cited;
}

function byPosition(id: string, sources: readonly PreparedSource[]): PreparedSource | undefined {
  return /^\d+$/.test(id) ? sources[Number(id) - 1] : undefined;
}

function shareFound(stems: ReadonlySet<string>, source: ReadonlySet<string>): number {
  if (stems.size === 0) return 0;
  let found = 0;
  for (const stem of stems) if (source.has(stem)) found += 1;
  return found / stems.size;
}

interface SimilarSentence {
  source: PreparedSource;
  similarity: number;
  /** The source sentence, where the claim's facts are looked for too. */
  sentence: string;
}

/** Per claim, its cosine similarity to every source sentence; one embedding batch each side. */
async function similarityTable(
  claims: readonly FactualSentence[],
  sources: readonly PreparedSource[],
  embedder: Embedder | undefined,
): Promise<SimilarSentence[][] | undefined> {
  if (!embedder) return undefined;
  if (claims.length === 0 || sources.length === 0) return claims.map(() => []);

  const claimVectors = await embedder.embed(
    claims.map((claim) => withoutCitations(claim.text)),
    'query',
  );
  const sourceSentences = sources.flatMap((source) =>
    source.sentences.map((text) => ({ source, text })),
  );
  const sourceVectors = await embedder.embed(
    sourceSentences.map((sentence) => sentence.text),
    'passage',
  );

  return claimVectors.map((claimVector) =>
    sourceVectors.map((vector, index) => {
      const sentence = sourceSentences[index]!;
      return {
        source: sentence.source,
        similarity: dot(claimVector, vector),
        sentence: sentence.text,
      };
    }),
  );
}

function dot(first: Float32Array, second: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < first.length; index++) {
    sum += (first[index] ?? 0) * (second[index] ?? 0);
  }
  return sum;
}

function toFinding(sentence: SentenceGrounding): GuardFinding {
  const rule =
    sentence.reason === 'facts-differ' ? 'grounding.facts-differ' : `grounding.${sentence.reason}`;
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
