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
  /** A sentence ends between the previous token and this one (not a ";" or ":"). */
  sentenceBefore: boolean;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|%/gu;
const cacheLimit = 50_000;
const caches: Record<GuardLanguage, Map<string, WordForms>> = {
  en: new Map(),
  de: new Map(),
};
// The same forms keyed by the word as written, to skip lower-casing known words.
const casedCaches: Record<GuardLanguage, Map<string, WordForms>> = {
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

const whitespace = /\s/;
const clauseBreak = 1;
const sentenceBreak = 2;

// What text[from, to) ends, scanned without slicing: "28.000 mm" and "z.B." keep going.
// ! ? and line feed end a sentence, a stop before whitespace too; ; and a colon before
// whitespace end only a clause. Returns a bit set of clauseBreak and sentenceBreak.
function breaksIn(text: string, from: number, to: number): number {
  let found = 0;
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 33 || code === 63 || code === 10) return clauseBreak | sentenceBreak;
    if (code === 59) found |= clauseBreak;
    if ((code === 46 || code === 58) && index + 1 < to && whitespace.test(text[index + 1] ?? '')) {
      found |= code === 46 ? clauseBreak | sentenceBreak : clauseBreak;
    }
  }
  return found;
}

/** Splits text into word tokens (hyphens separate words) with stems and clause breaks. */
export function stemTokens(text: string, lang: GuardLanguage): StemToken[] {
  const tokens: StemToken[] = [];
  const cache = casedCaches[lang];
  let previousEnd = 0;

  // exec on one shared expression: matchAll would copy it on every call.
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const start = match.index;
    const word = match[0];
    let forms = cache.get(word);
    if (forms === undefined) {
      if (cache.size >= cacheLimit) cache.clear();
      forms = formsOf(word.toLowerCase(), lang);
      cache.set(word, forms);
    }
    const singleSpace = start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32;
    const breaks = tokens.length > 0 && !singleSpace ? breaksIn(text, previousEnd, start) : 0;
    tokens.push({
      start,
      end: start + word.length,
      folded: forms.folded,
      stems: forms.stems,
      breakBefore: (breaks & clauseBreak) !== 0,
      sentenceBefore: (breaks & sentenceBreak) !== 0,
    });
    previousEnd = start + word.length;
  }
  return tokens;
}
