/**
 * Word tokens with UTF-16 offsets and Snowball stems (English or German), the unit the
 * claim rules and the approved-claim ledger match on.
 * @module
 */

import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';

import type { GuardLanguage } from '../finding.js';

export interface StemToken {
  start: number;
  end: number;
  /** Lower case, umlauts folded (ä→a, ß→ss), for prefix patterns. */
  folded: string;
  /** Primary Snowball stem first; German adds stems of the word without a verb ending. */
  stems: readonly string[];
  /** A sentence or clause ends between the previous token and this one. */
  breakBefore: boolean;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|%/gu;
// "28.000 mm" and "z.B." keep going; a stop followed by a space ends the clause.
const breakPattern = /[!?;\n]|[.:]\s/;
const cacheLimit = 50_000;
const caches: Record<GuardLanguage, Map<string, WordForms>> = {
  en: new Map(),
  de: new Map(),
};

/** Lower case with German umlauts folded to their base letters. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replaceAll('ä', 'a')
    .replaceAll('ö', 'o')
    .replaceAll('ü', 'u')
    .replaceAll('ß', 'ss');
}

// Snowball German keeps verb endings in -t/-te/-et ("garantiert", "schützt"); stemming the
// word without them as well lets "garantiert" meet "Garantie" and "schützt" meet "Schutz".
const germanVerbEndings = /(?:test|tet|ten|tes|te|et|t)$/;

function computeStems(lower: string, lang: GuardLanguage): readonly string[] {
  if (lang === 'en') return [englishStemmer(lower.replace(/['’]s$/, '').replace('’', "'"))];

  const primary = germanStemmer(lower);
  const stems = [primary];
  const withoutEnding = lower.replace(germanVerbEndings, '');
  if (withoutEnding !== lower && withoutEnding.length >= 4) {
    const second = germanStemmer(withoutEnding);
    if (second !== primary) stems.push(second);
  }
  return stems;
}

interface WordForms {
  folded: string;
  stems: readonly string[];
}

function formsOf(lower: string, lang: GuardLanguage): WordForms {
  const cache = caches[lang];
  const cached = cache.get(lower);
  if (cached !== undefined) return cached;

  if (cache.size >= cacheLimit) cache.clear();
  const forms = { folded: foldWord(lower), stems: computeStems(lower, lang) };
  cache.set(lower, forms);
  return forms;
}

/** Stems of one lower-case word, cached per language. */
export function stemsOf(lower: string, lang: GuardLanguage): readonly string[] {
  return formsOf(lower, lang).stems;
}

function isBreak(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return breakPattern.test(text.slice(from, to));
}

/** Splits text into word tokens (hyphens separate words) with stems and clause breaks. */
export function stemTokens(text: string, lang: GuardLanguage): StemToken[] {
  const tokens: StemToken[] = [];
  let previousEnd = 0;

  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const word = match[0];
    const forms = formsOf(word.toLowerCase(), lang);
    tokens.push({
      start,
      end: start + word.length,
      folded: forms.folded,
      stems: forms.stems,
      breakBefore: tokens.length > 0 && isBreak(text, previousEnd, start),
    });
    previousEnd = start + word.length;
  }
  return tokens;
}
