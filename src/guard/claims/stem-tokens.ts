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

const letterOrDigit = /^[\p{L}\p{N}]$/u;
const letter = /^\p{L}$/u;
// Non-ASCII code points: 0 neither, 1 digit-like (\p{N}), 3 letter (\p{L}).
const unitKinds = new Map<number, number>();

function kindAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 3;
    return code >= 48 && code <= 57 ? 1 : 0;
  }
  const point = text.codePointAt(index) ?? code;
  let kind = unitKinds.get(point);
  if (kind === undefined) {
    const char = String.fromCodePoint(point);
    kind = letter.test(char) ? 3 : letterOrDigit.test(char) ? 1 : 0;
    if (unitKinds.size < cacheLimit) unitKinds.set(point, kind);
  }
  return kind;
}

// The end of a run of units from `index` whose kind has all bits of `mask`.
function runEnd(text: string, index: number, mask: number): number {
  let end = index;
  while (end < text.length && (kindAt(text, end) & mask) === mask) {
    end += text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
  }
  return end;
}

// Words are runs of letters and digits, optionally with an apostrophe and letters ("don't",
// "geht’s"); a lone "%" is a word too, so "100 %" and "100%" read alike.
function wordEnd(text: string, start: number): number {
  if (text.charCodeAt(start) === 37) return start + 1;
  const end = runEnd(text, start, 1);
  if (end === start) return start;
  const next = text.charCodeAt(end);
  if (next !== 39 && next !== 0x2019) return end;
  const tail = runEnd(text, end + 1, 3);
  return tail > end + 1 ? tail : end;
}

/** Splits text into word tokens (hyphens separate words) with stems and clause breaks. */
export function stemTokens(text: string, lang: GuardLanguage): StemToken[] {
  const tokens: StemToken[] = [];
  const cache = casedCaches[lang];
  let previousEnd = 0;

  for (let start = 0; start < text.length;) {
    const end = wordEnd(text, start);
    if (end === start) {
      start += 1;
      continue;
    }
    const word = text.slice(start, end);
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
      end,
      folded: forms.folded,
      stems: forms.stems,
      breakBefore: (breaks & clauseBreak) !== 0,
      sentenceBefore: (breaks & sentenceBreak) !== 0,
    });
    previousEnd = end;
    start = end;
  }
  return tokens;
}
