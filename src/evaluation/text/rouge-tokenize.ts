/**
 * The tokenizer of Google's `rouge-score` (its `DefaultTokenizer`), reproduced so that our
 * ROUGE figures agree with the Python package.
 * @module
 */

import { porterStem } from './porter-stemmer.js';

const nonAlphanumeric = /[^a-z0-9]+/g;

/**
 * Lowercases the text, turns every character outside `[a-z0-9]` into a space and splits on
 * whitespace. Letters with diacritics are separators too, so "größe" gives "gr" and "e", exactly
 * as `rouge-score` does. With `stem`, tokens longer than three characters go through the Porter
 * stemmer in NLTK's default variant.
 */
export function tokenizeForRouge(text: string, stem: boolean): string[] {
  const tokens = text
    .toLowerCase()
    .replace(nonAlphanumeric, ' ')
    .split(' ')
    .filter((token) => token.length > 0);
  if (!stem) return tokens;
  return tokens.map((token) => (token.length > 3 ? porterStem(token) : token));
}
