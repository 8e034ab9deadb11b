/**
 * The feature reranker's own small tokeniser: lower case, diacritics removed (so "Müsli",
 * "musli" and "Musli" are one word), split on anything that is not a letter or digit, and
 * common English and German function words dropped. Matching is deliberately crude: a shared
 * prefix stands in for a stemmer and containment for German compounds.
 * @module
 */

const functionWords = new Set(
  (
    'a an and are as at be but by can did do does for from had has have how i if in into is it ' +
    'its no not of on or our so than that the their them then there these they this those to ' +
    'was we were what when where which who whom why will with would you your ' +
    'aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine ' +
    'einem einen einer eines er es fur hat ich ihr im in ist ja kann mit nach nicht noch nur ' +
    'ob oder sein sich sie sind so uber um und uns vom von vor war was wie wir wird zu zum zur'
  ).split(' '),
);

const combiningMarks = /[\u0300-\u036f]/g;
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

/** Lower-cased, diacritics-free form of a text; "ß" becomes "ss". */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(combiningMarks, '').replaceAll('ß', 'ss');
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Calls `visit` with each word of a text, lower-cased but not yet folded or filtered. A
 * hand-written scan rather than a Unicode regular expression: it runs over every candidate of
 * every query, and callers fold each distinct word once (see `contentWord`).
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  let start = -1;
  for (let index = 0; index < lower.length; index += 1) {
    const code = lower.charCodeAt(index);
    const inWord = code < 128 ? isAsciiWordCode(code) : wordCharacter.test(lower[index]!);
    if (inWord && start < 0) start = index;
    if (inWord || start < 0) continue;
    visit(lower.slice(start, index));
    start = -1;
  }
  if (start >= 0) visit(lower.slice(start));
}

/** The folded form of a lower-cased word, or undefined for a function word. */
export function contentWord(word: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const folded = /^[\u0000-\u007f]*$/.test(word) ? word : foldText(word);
  return folded === '' || functionWords.has(folded) ? undefined : folded;
}

/** The content words of a text in order, folded, function words left out. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  forEachWord(text, (word) => {
    const content = contentWord(word);
    if (content !== undefined) terms.push(content);
  });
  return terms;
}

/** Strength of an exact match; the weaker kinds below are fractions of it. */
export const exactMatch = 1;
/** "jacken" for "jacke", "inflammatory" for "inflammation". */
export const prefixMatch = 0.8;
/** "wanderschuhe" for "schuh", "oncogene" for "gene". */
export const compoundMatch = 0.5;

const shortestPartialTerm = 4;

function sharedPrefixLength(left: string, right: string): number {
  const limit = Math.min(left.length, right.length);
  let length = 0;
  while (length < limit && left.charCodeAt(length) === right.charCodeAt(length)) length += 1;
  return length;
}

/**
 * How well a text word matches a query term: 1 when equal, `prefixMatch` when they share a
 * prefix of at least four letters covering three quarters of the shorter word,
 * `compoundMatch` when the word contains the term, otherwise 0.
 */
export function termMatchStrength(queryTerm: string, word: string): number {
  if (queryTerm === word) return exactMatch;
  if (queryTerm.length < shortestPartialTerm || word.length < shortestPartialTerm) return 0;

  const shared = sharedPrefixLength(queryTerm, word);
  const shorter = Math.min(queryTerm.length, word.length);
  if (shared >= shortestPartialTerm && shared * 4 >= shorter * 3) return prefixMatch;
  if (word.length > queryTerm.length && word.includes(queryTerm)) return compoundMatch;
  return 0;
}
