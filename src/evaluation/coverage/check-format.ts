import { UsageError } from '../../core/errors.js';
import { countWords, type TextFinding } from './text-finding.js';

export interface FormatRules {
  /** Report every line break; for single-line fields such as titles and meta descriptions. */
  forbidNewlines?: boolean;
  /** Report a text whose last character, before closing quotes or brackets, is not . ! ? or …. */
  requireEndPunctuation?: boolean;
  /** Report every sentence with more words than this. */
  maxSentenceWords?: number;
}

const NEWLINE = /\r\n|[\n\r\u2028\u2029]/g;
const CLOSERS = `"'»«”“’)]`;
const TRAILING_CLOSERS = new RegExp(`[\\s${CLOSERS.replace(']', '\\]')}]+$`, 'u');
const END_PUNCTUATION = /[.!?…]$/u;
/** A run of end marks with closing quotes, before whitespace or the end; or a blank line. */
const SENTENCE_BREAK = new RegExp(
  `[.!?…]+[${CLOSERS.replace(']', '\\]')}]*(?=\\s|$)|\\n[ \\t]*\\n`,
  'gu',
);
const WORD_BEFORE = /([\p{L}]+)$/u;
/** Abbreviations whose period does not end a sentence (German and English), lower case. */
// prettier-ignore
const ABBREVIATIONS = new Set([
  'bzw', 'ca', 'usw', 'etc', 'vgl', 'inkl', 'exkl', 'evtl', 'ggf', 'sog', 'nr', 'str', 'tel',
  'dr', 'prof', 'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'vs', 'approx', 'dept', 'fig',
]);

/**
 * Checks a text against simple format rules and returns the findings, each with its place in the
 * text. Sentences end at . ! ? or … followed by whitespace, and at blank lines; a period after a
 * single letter ("z. B.", "e.g.", "J. Smith") or a listed abbreviation ("bzw.", "Dr.") does not
 * end one, so "Plan B." is read as running on.
 * @throws UsageError when maxSentenceWords is not a whole number of 1 or more.
 */
export function checkFormat(text: string, rules: FormatRules): TextFinding[] {
  const findings: TextFinding[] = [];
  const { maxSentenceWords } = rules;
  const validLimit = Number.isInteger(maxSentenceWords) && maxSentenceWords! >= 1;
  if (maxSentenceWords !== undefined && !validLimit) {
    throw new UsageError(
      `maxSentenceWords must be a whole number of 1 or more, not ${maxSentenceWords}.`,
      { maxSentenceWords },
    );
  }

  if (rules.forbidNewlines) {
    for (const match of text.matchAll(NEWLINE)) {
      const start = match.index;
      const message = 'The text must be a single line; replace the line break with a space.';
      findings.push({ code: 'newline-present', message, start, end: start + match[0].length });
    }
  }

  if (rules.requireEndPunctuation) {
    const body = text.replace(TRAILING_CLOSERS, '');
    if (!END_PUNCTUATION.test(body)) {
      const message = 'The text must end with . ! ? or …; add the closing punctuation.';
      const end = body.length;
      findings.push({ code: 'missing-end-punctuation', message, start: end, end });
    }
  }

  if (maxSentenceWords !== undefined) {
    for (const sentence of splitSentences(text)) {
      const words = countWords(text.slice(sentence.start, sentence.end));
      if (words <= maxSentenceWords) continue;
      const message =
        `A sentence has ${words} words; ` +
        `split it so no sentence has more than ${maxSentenceWords}.`;
      const limit = maxSentenceWords;
      findings.push({ code: 'sentence-too-long', message, actual: words, limit, ...sentence });
    }
  }

  return findings;
}

/** Sentence spans with surrounding whitespace trimmed; empty stretches are left out. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let sentenceStart = 0;

  const close = (end: number) => {
    const slice = text.slice(sentenceStart, end);
    const start = sentenceStart + (slice.length - slice.trimStart().length);
    const trimmedEnd = sentenceStart + slice.trimEnd().length;
    if (trimmedEnd > start) sentences.push({ start, end: trimmedEnd });
  };

  for (const match of text.matchAll(SENTENCE_BREAK)) {
    if (match[0].startsWith('.') && isAbbreviation(text.slice(0, match.index))) continue;
    close(match.index + match[0].length);
    sentenceStart = match.index + match[0].length;
  }
  close(text.length);

  return sentences;
}

function isAbbreviation(textBefore: string): boolean {
  const word = WORD_BEFORE.exec(textBefore)?.[1];
  if (word === undefined) return false;
  return [...word].length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}
