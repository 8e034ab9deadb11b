/**
 * Unicode word tokenisation shared by every language the analyser knows.
 * @module
 */

/** Anything that is not a letter, mark, digit, hyphen or apostrophe separates words. */
const SEPARATOR = /[^\p{L}\p{M}\p{N}'’‐‑-]+/u;
const APOSTROPHES = /['’]/g;
const HYPHENS = /[‐‑-]+/;
const POSSESSIVE = /['’]s$/;
const DIACRITICS = /\p{M}/gu;
const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * Lowercases, removes diacritics (ä→a, é→e, ß→ss, as the German Snowball stemmer folds them)
 * and splits text into words of letters and digits.
 *
 * "SPF50" stays one word. A possessive "'s" is dropped and other apostrophes join their parts
 * ("don't" → "dont"). A hyphenated word yields its parts and, after them, the parts written
 * together ("Regen-Jacke" → "regen", "jacke", "regenjacke"), so both spellings meet.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];

  for (const piece of text.toLowerCase().split(SEPARATOR)) {
    if (piece.length === 0) continue;
    let word = NON_ASCII.test(piece) ? foldText(piece) : piece;
    if (word.includes("'") || word.includes('’')) {
      word = word.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
    }
    if (!word.includes('-') && !HYPHENS.test(word)) {
      if (word.length > 0) words.push(word);
      continue;
    }
    const parts = word.split(HYPHENS).filter((part) => part.length > 0);
    if (parts.length > 1) words.push(...parts, parts.join(''));
    else if (parts.length === 1) words.push(parts[0] as string);
  }

  return words;
}

/** The case and diacritic folding applied to every word; exported for the stop word lists. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase().replace(/ß/g, 'ss');
}
