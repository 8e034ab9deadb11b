/**
 * Sentence splitting for German and English marketing text, used when a paragraph is
 * too long for one chunk and to take chunk overlap in whole sentences.
 * @module
 */

/**
 * Words ending in a full stop that do not end a sentence, lowercased. Single letters
 * ("z. B.", "u. a.", "d. h.", initials) and day numbers before a month ("3. Oktober") are
 * handled by rule, not listed here.
 */
const abbreviations = new Set(
  (
    'abb. abs. bspw. bzgl. bzw. ca. dr. evtl. gem. ggf. hr. fr. inkl. max. min. mio. mrd. ' +
    'nr. prof. sog. st. str. tel. usw. vgl. zzgl. e.g. i.e. mr. mrs. ms. no. approx. vs. ' +
    'jr. sr. inc. ltd. co. z.b. u.a. d.h. o.ä. u.u.'
  ).split(' '),
);

/** A German date such as "3. Oktober" or "1. Jan." has a full stop that ends nothing. */
const germanMonth = /^\s+(?:jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)/i;

/**
 * A sentence end: terminal punctuation, optional closing quotes or brackets, whitespace,
 * then something that can start a sentence (an upper-case letter, a digit, an opening quote
 * or bracket). A line break always ends a sentence.
 */
const closers = String.raw`["'»«“”’)\]]*`;
const openers = String.raw`["'„“‚»«([]?`;
const boundary = new RegExp(
  String.raw`[.!?…]+${closers}[ \t]+(?=${openers}[\p{Lu}\p{N}])|[ \t]*\n\s*`,
  'gu',
);

/**
 * Splits text into sentences. Each sentence is trimmed; joining them with single spaces
 * gives the input back with its whitespace collapsed. Decimals ("2.5") and abbreviations
 * ("z. B.", "ca.", "Nr.", "e.g.", "Mr.") do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;

  boundary.lastIndex = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const punctuationEnd = match.index + match[0].trimEnd().length;
    if (match[0].startsWith('.') && !endsSentence(text, start, match.index)) continue;
    pushTrimmed(sentences, text.slice(start, punctuationEnd));
    start = match.index + match[0].length;
  }

  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

/** Whether the full stop at `dotIndex` ends a sentence, judged by the word before it. */
function endsSentence(text: string, sentenceStart: number, dotIndex: number): boolean {
  let wordStart = dotIndex;
  while (wordStart > sentenceStart && !isSpace(text.charCodeAt(wordStart - 1))) wordStart--;
  const word = text.slice(wordStart, dotIndex).replace(/^[^\p{L}\p{N}]+/u, '');

  if (word.length === 0) return true;
  if (word.length === 1 && /\p{L}/u.test(word)) return false;
  if (/^\d{1,2}$/.test(word) && germanMonth.test(text.slice(dotIndex + 1, dotIndex + 8))) {
    return false;
  }
  return !abbreviations.has(`${word.toLowerCase()}.`);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed.length > 0) sentences.push(trimmed);
}
