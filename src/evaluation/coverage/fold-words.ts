/** A word of the original text, its fold and its place (UTF-16 code units, `[start, end)`). */
export interface FoldedWord {
  folded: string;
  start: number;
  end: number;
  /** Whether clause or sentence punctuation stands between this word and the one before. */
  breakBefore: boolean;
}

/** Letters without a decomposition that NFKD would otherwise leave untouched. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};
const COMBINING_MARK = /\p{M}/gu;
const EXTRA_FOLD_LETTER = /[ßæœøłđðþ]/g;
/** Letters, marks and digits; hyphens, apostrophes and all other punctuation separate words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Punctuation that ends a clause or sentence; hyphens, apostrophes, "&" and "/" do not. */
const BREAK = /[,;:!?()[\]{}"«»“”„…–—]|[.]\s|\n\s*\n/u;

/**
 * Case- and diacritics-insensitive form of one word: "Grüße" → "grusse", "Ærø" → "aero".
 * German umlauts fold to the bare vowel (ü → u), not to "ue".
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .toLowerCase()
    .replace(EXTRA_FOLD_LETTER, (letter) => EXTRA_FOLDS[letter] ?? letter);
}

/**
 * Splits a text into folded words with their offsets in the original. "E-Mail" and "don't" become
 * two words each, so a term and a text are always split the same way. Each word records whether
 * a clause break (comma, colon, bracket, dash, sentence end, blank line) precedes it, so that a
 * phrase is not found across one unless the phrase itself has a break there.
 */
export function foldWords(text: string): FoldedWord[] {
  let previousEnd = 0;
  return [...text.matchAll(WORD)].map((match) => {
    const breakBefore = BREAK.test(text.slice(previousEnd, match.index));
    previousEnd = match.index + match[0].length;
    return { folded: foldWord(match[0]), start: match.index, end: previousEnd, breakBefore };
  });
}
