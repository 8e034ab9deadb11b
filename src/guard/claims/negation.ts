/**
 * Negation near a claim ("does not guarantee", "garantiert keine Rettung") turns a promise
 * into a limit, which is what disclaimers say; such matches are not claims.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { StemToken } from './stem-tokens.js';

const negations: Record<GuardLanguage, ReadonlySet<string>> = {
  en: new Set(['not', 'no', 'never', 'without', 'cannot', 'nor', 'neither']),
  de: new Set(['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'ohne']),
};

/** Whether a lower-case, folded word is a negation ("not", "keine", "don't"). */
export function isNegationWord(word: string, lang: GuardLanguage): boolean {
  return negations[lang].has(word) || (lang === 'en' && /n['’]t$/.test(word));
}

function isNegation(token: StemToken | undefined, lang: GuardLanguage): boolean {
  return token !== undefined && isNegationWord(token.folded, lang);
}

/**
 * Whether a match from token `first` is negated: a negation in the two words before it, or
 * right after its first word, within the same clause. `lookAfter` false checks only before
 * it, for patterns that spell a negation themselves.
 */
export function isNegated(
  tokens: readonly StemToken[],
  first: number,
  lang: GuardLanguage,
  lookAfter = true,
) {
  for (let index = first; index > first - 2 && index > 0; index -= 1) {
    if (tokens[index]?.breakBefore) break;
    if (isNegation(tokens[index - 1], lang)) return true;
  }
  const next = tokens[first + 1];
  return lookAfter && next !== undefined && !next.breakBefore && isNegation(next, lang);
}
