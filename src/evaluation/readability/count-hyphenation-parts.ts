import { createRequire } from 'node:module';

/** The part of the `hyphen` package's per-language module that Markwerk uses. */
interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

const SOFT_HYPHEN = '\u00AD';

// `hyphen` is CommonJS without type declarations or an exports map, so it is loaded through
// require, which also resolves its per-language folders (`hyphen/en`, `hyphen/de`).
const require = createRequire(import.meta.url);
const englishPatterns = require('hyphen/en') as HyphenModule;
const germanPatterns = require('hyphen/de') as HyphenModule;

/**
 * Counts the hyphenation parts of one word with the English (US) or German (1996 spelling)
 * patterns. A word the patterns do not break, such as a number, counts as one part.
 */
export function countHyphenationParts(word: string, language: 'en' | 'de'): number {
  const patterns = language === 'en' ? englishPatterns : germanPatterns;
  // minWordLength 1 leaves the decision to the patterns, as pyphen (used by textstat) does.
  const hyphenated = patterns.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 1 });
  return hyphenated.split(SOFT_HYPHEN).filter((part) => part.length > 0).length || 1;
}
