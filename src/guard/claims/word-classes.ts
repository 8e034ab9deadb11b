/**
 * Word classes for claim patterns (`<superlative>`): a test on a token's folded form, so
 * one pattern covers any adjective instead of a list of the adjectives someone thought of.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { StemToken } from './stem-tokens.js';

export type WordClass = 'superlative';

/** The class names a pattern may use, in `<name>` form. */
export const wordClassNames: readonly WordClass[] = ['superlative'];

// Words that end like a superlative but are not one ("forest", "Kosten", "Fenster").
const notSuperlative: Record<GuardLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'interest forest honest modest harvest request contest protest suggest invest digest ' +
      'arrest manifest everest conquest midwest southwest northwest'
    ).split(' '),
  ),
  de: new Set(
    (
      'kosten kasten osten westen posten testen rasten husten fasten listen kisten kusten ' +
      'westen gaste reste liste kiste kuste weste fenster muster schwester polster kloster ' +
      'meister geister priester ester erste ersten erster erstes leisten leiste festen feste ' +
      'lasten laste nester geste gesten'
    ).split(' '),
  ),
};

const irregular: Record<GuardLanguage, ReadonlySet<string>> = {
  en: new Set(['most', 'best', 'worst', 'least']),
  de: new Set(['beste', 'besten', 'bester', 'bestes', 'meiste', 'meisten']),
};

// English "-est" (lightest, comfiest); German "-ste(n|r|s)" after a stem (bequemste,
// wärmsten, robusteste), folded so umlauts do not matter.
const superlativeEnding: Record<GuardLanguage, RegExp> = {
  en: /^[a-z]{2,}est$/,
  de: /^[a-z]{3,}ste[nrs]?$/,
};

function isSuperlative(folded: string, lang: GuardLanguage): boolean {
  // Every superlative has "st" at the end (English) or before an ending of one or two
  // letters (German); most words stop at this check.
  const size = folded.length;
  const tail =
    lang === 'en'
      ? folded.startsWith('st', size - 2)
      : folded.startsWith('st', size - 3) || folded.startsWith('st', size - 4);
  if (!tail) return false;
  if (irregular[lang].has(folded)) return true;
  return superlativeEnding[lang].test(folded) && !notSuperlative[lang].has(folded);
}

/** Whether `token` belongs to `wordClass` in `lang`. */
export function inWordClass(token: StemToken, wordClass: WordClass, lang: GuardLanguage) {
  switch (wordClass) {
    case 'superlative':
      return isSuperlative(token.folded, lang);
  }
}
