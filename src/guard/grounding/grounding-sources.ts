/**
 * Sources prepared for grounding: sentences, stems per sentence and per window, and which of
 * them a claim cites.
 * @module
 */

import { createAnalyzer } from '../../retrieval/analysis/create-analyzer.js';
import type { GuardCitation } from '../engine/detector.js';
import { citedIds, sentenceSpans } from './factual-sentences.js';

export const analyzer = createAnalyzer({ compounds: 'none' });

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
export const EVIDENCE_SENTENCES = 3;

export interface SourceWindow {
  sourceId: string;
  text: string;
  stems: Set<string>;
}

export type PreparedSource = GuardCitation & {
  sentences: string[];
  sentenceStems: Array<{ text: string; stems: Set<string> }>;
  windows: SourceWindow[];
};

export function prepareSource(source: GuardCitation, lang: 'en' | 'de'): PreparedSource {
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
export function citedSources(
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

/** Share of `stems` found in `source`, 0..1. */
export function shareFound(stems: ReadonlySet<string>, source: ReadonlySet<string>): number {
  if (stems.size === 0) return 0;
  let found = 0;
  for (const stem of stems) if (source.has(stem)) found += 1;
  return found / stems.size;
}
