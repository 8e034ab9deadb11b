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
const caches: Record<GuardLanguage, Map<string, readonly string[]>> = {
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

/** Stems of one lower-case word, cached per language. */
export function stemsOf(lower: string, lang: GuardLanguage): readonly string[] {
  const cache = caches[lang];
  const cached = cache.get(lower);
  if (cached !== undefined) return cached;

  if (cache.size >= cacheLimit) cache.clear();
  const stems = computeStems(lower, lang);
  cache.set(lower, stems);
  return stems;
}

/** Splits text into word tokens (hyphens separate words) with stems and clause breaks. */
export function stemTokens(text: string, lang: GuardLanguage): StemToken[] {
  const tokens: StemToken[] = [];
  let previousEnd = 0;

  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const word = match[0];
    const lower = word.toLowerCase();
    tokens.push({
      start,
      end: start + word.length,
      folded: foldWord(lower),
      stems: stemsOf(lower, lang),
      breakBefore: tokens.length > 0 && breakPattern.test(text.slice(previousEnd, start)),
    });
    previousEnd = start + word.length;
  }
  return tokens;
}
