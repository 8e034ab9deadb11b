import { splitSentences } from '../../ingest/process/sentences.js';
import type { CitedSentence, FinishReason } from './generator.js';
import { fillLeads } from './offline-lead.js';
import type { CompositionPlan, PlanPassage } from './offline-plan.js';
import { cutAtWord, isNearDuplicate, overlapCount, squeeze, termsOf } from './offline-text.js';

export interface Composition {
  sentences: CitedSentence[];
  finishReason: FinishReason;
}

interface Candidate {
  sentence: CitedSentence;
  terms: Set<string>;
  score: number;
  order: number;
  passage: PlanPassage;
}

/**
 * Composes cited sentences from a plan: the first lead pattern that fits the channel limit,
 * then the best extracted sentences that fit, skipping near-duplicates. Pure and
 * deterministic: ties are broken by passage and sentence order, never by chance. The token
 * limit is applied afterwards (`limitTokens`), as a model stops, so a shorter limit always
 * gives a prefix of the longer text.
 */
export function compose(plan: CompositionPlan): Composition {
  const budget = plan.maxCharacters;
  const chosen: CitedSentence[] = [];
  const chosenTerms: Set<string>[] = [];
  let finishReason: FinishReason = 'stop';

  const leads = fillLeads(plan);
  const lead = leads.find((candidate) => fits([candidate], budget)) ?? leads[0];
  if (lead) {
    const text = cutAtWord(lead.text, budget);
    if (text !== lead.text) finishReason = 'length';
    if (text.length > 0) {
      chosen.push({ text, citations: lead.citations });
      chosenTerms.push(termsOf(text, plan.language));
    }
  }

  let extracted = 0;
  for (const candidate of rankCandidates(plan)) {
    if (extracted >= plan.maxExtracts) break;
    if (chosenTerms.some((terms) => isNearDuplicate(terms, candidate.terms))) continue;
    if (!fits([...chosen, candidate.sentence], budget)) continue;
    chosen.push(candidate.sentence);
    chosenTerms.push(candidate.terms);
    extracted++;
  }

  if (chosen.length === 0) {
    const text = cutAtWord(plan.fallback, budget);
    if (text !== plan.fallback) finishReason = 'length';
    if (text.length > 0) chosen.push({ text, citations: [] });
  }
  return { sentences: chosen, finishReason };
}

/** The text of cited sentences as the composer emits it: joined by single spaces. */
export function joinSentences(sentences: CitedSentence[]): string {
  return sentences.map((sentence) => sentence.text).join(' ');
}

function fits(sentences: { text: string }[], budget: number): boolean {
  return joinSentences(sentences as CitedSentence[]).length <= budget;
}

/**
 * Sentences of every passage, best first. A sentence scores the summed rarity (inverse
 * sentence frequency) of the request terms it shares, divided by the square root of its own
 * term count; record text gets a bonus of 1, so the product's own description leads.
 */
function rankCandidates(plan: CompositionPlan): Candidate[] {
  const parsed: (Omit<Candidate, 'score'> & { kept: boolean })[] = [];
  let order = 0;
  for (const passage of plan.passages) {
    for (const raw of splitSentences(passage.text)) {
      const text = cleanSentence(raw);
      order++;
      // A question in a source (a ticket, an FAQ heading) states no fact to pass on.
      if (!text || (passage.kind === 'retrieved' && text.endsWith('?'))) continue;
      const terms = termsOf(text, plan.language);
      parsed.push({
        sentence: { text, citations: [passage.citation] },
        terms,
        order,
        passage,
        kept: true,
      });
    }
  }

  const requested = termsOf(plan.terms.join(' '), plan.language);
  const query =
    plan.language === 'de'
      ? withCompoundParts(
          requested,
          parsed.map((candidate) => candidate.terms),
        )
      : requested;
  const minOverlap = Math.min(plan.minOverlap, requested.size);
  const sentences = parsed.filter(
    (candidate) =>
      candidate.passage.kind !== 'retrieved' || overlapCount(candidate.terms, query) >= minOverlap,
  );

  const rarity = inverseFrequency(sentences.map((candidate) => candidate.terms));
  const candidates = sentences.map((candidate) => {
    let shared = 0;
    for (const term of candidate.terms) if (query.has(term)) shared += rarity.get(term) ?? 0;
    const score = shared / Math.sqrt(Math.max(candidate.terms.size, 1)) + bonus(candidate.passage);
    return { ...candidate, score };
  });
  return candidates.sort((a, b) => b.score - a.score || a.order - b.order);
}

/**
 * German joins words: "Daunenjacke" should find sentences about "Daunen" and "Jacke". A term of
 * the passages that begins or ends a longer request term joins the query.
 */
function withCompoundParts(query: Set<string>, termSets: Set<string>[]): Set<string> {
  const expanded = new Set(query);
  for (const terms of termSets) {
    for (const term of terms) {
      if (term.length < 4 || expanded.has(term)) continue;
      for (const requested of query) {
        if (requested.length <= term.length) continue;
        if (requested.startsWith(term) || requested.endsWith(term)) expanded.add(term);
      }
    }
  }
  return expanded;
}

/** ln(1 + N / df) of every term over N term sets. */
function inverseFrequency(termSets: Set<string>[]): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const terms of termSets) {
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const rarity = new Map<string, number>();
  for (const [term, count] of frequency) rarity.set(term, Math.log(1 + termSets.length / count));
  return rarity;
}

function bonus(passage: PlanPassage): number {
  return passage.kind === 'record' ? 1 : 0;
}

/**
 * A sentence fit to quote in copy, or undefined: Markdown markers removed, and only prose
 * kept (at least four words, ending in . ! or ?, no table cells or headings).
 */
function cleanSentence(raw: string): string | undefined {
  const text = squeeze(raw.replace(/^\s*(?:[-*+]|\d+\.|>)\s+/u, '').replace(/\*\*|__|`/gu, ''));
  if (text.startsWith('#') || text.includes('|')) return undefined;
  if (!/[.!?]["'»“”)]?$/u.test(text)) return undefined;
  if (text.split(' ').length < 4) return undefined;
  return text;
}
