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
  const sources = options.sources.map((source) => ({
    ...source,
    stems: new Set(analyzer.tokens(source.text, options.lang)),
    sentences: sentenceSpans(source.text).map((span) => span.text),
  }));
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
    let best = { overlap: 0, similarity: 0, score: -1, id: '' };
    for (const source of candidates) {
      const overlap = shareFound(stems, source.stems);
      const similarity = similarities?.[index]?.get(source.id) ?? 0;
      const score = Math.max(overlap, similarity);
      if (score > best.score) best = { overlap, similarity, score, id: source.id };
    }
    const missing = missingFacts(claim.facts, candidates.map((source) => source.text).join('\n'));
    const close = best.overlap >= minOverlap || best.similarity >= minSimilarity;
    const reason: GroundingReason = !close
      ? 'low-overlap'
      : missing.length > 0
        ? 'facts-differ'
        : 'supported';

    return {
      ...base,
      supported: reason === 'supported',
      reason,
      overlap: best.overlap,
      ...(similarities ? { similarity: best.similarity } : {}),
      bestSource: best.id,
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

type PreparedSource = GuardCitation & { stems: Set<string>; sentences: string[] };

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

/** Per claim, the best cosine similarity to each source's sentences; one embedding batch each. */
async function similarityTable(
  claims: readonly FactualSentence[],
  sources: readonly PreparedSource[],
  embedder: Embedder | undefined,
): Promise<Array<Map<string, number>> | undefined> {
  if (!embedder) return undefined;
  if (claims.length === 0 || sources.length === 0) return claims.map(() => new Map());

  const claimVectors = await embedder.embed(
    claims.map((claim) => withoutCitations(claim.text)),
    'query',
  );
  const sourceSentences = sources.flatMap((source) =>
    source.sentences.map((text) => ({ id: source.id, text })),
  );
  const sourceVectors = await embedder.embed(
    sourceSentences.map((sentence) => sentence.text),
    'passage',
  );

  return claimVectors.map((claimVector) => {
    const best = new Map<string, number>();
    sourceVectors.forEach((vector, index) => {
      const id = sourceSentences[index]?.id ?? '';
      const similarity = dot(claimVector, vector);
      if (similarity > (best.get(id) ?? -1)) best.set(id, similarity);
    });
    return best;
  });
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
