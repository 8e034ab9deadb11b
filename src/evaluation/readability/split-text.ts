/** Every character that is not a letter, mark, digit, apostrophe or whitespace is dropped. */
const PUNCTUATION = /[^\p{L}\p{M}\p{N}\s']/gu;
/** An apostrophe survives only inside a word, as in a contraction ("don't", "geht's"). */
const LOOSE_APOSTROPHE = /(?<![\p{L}\p{M}])'|'(?![\p{L}\p{M}])/gu;
const TYPOGRAPHIC_APOSTROPHE = /[\u2019\u02BC]/g;
/** A decimal point or thousands separator between digits does not end a sentence. */
const NUMBER_SEPARATOR = /(?<=\p{N})[.](?=\p{N})/gu;
const SENTENCE_END = /[.!?]+/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Splits a text into words the way textstat counts its lexicon: punctuation, hyphens included,
 * is removed without leaving a gap ("well-known" → "wellknown", "3.5" → "35"), apostrophes inside
 * a word are kept, and the rest is split on whitespace.
 */
export function splitWords(text: string): string[] {
  const withoutPunctuation = text
    .replace(TYPOGRAPHIC_APOSTROPHE, "'")
    .replace(PUNCTUATION, '')
    .replace(LOOSE_APOSTROPHE, '');
  return withoutPunctuation.split(/\s+/u).filter((word) => word.length > 0);
}

/**
 * Counts sentences as the stretches between runs of `.`, `!` and `?` that contain a letter or
 * digit; a point between two digits ("3.5", "1.000") does not end one. Always at least 1, so
 * that words per sentence stays defined.
 */
export function countSentences(text: string): number {
  const sentences = text
    .replace(NUMBER_SEPARATOR, '')
    .split(SENTENCE_END)
    .filter((sentence) => WORD_CHARACTER.test(sentence));
  return Math.max(1, sentences.length);
}
