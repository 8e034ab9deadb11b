import { UsageError } from '../../core/errors.js';
import { foldWords, type FoldedWord } from './fold-words.js';

/** Whether and where one required term occurs in the text. */
export interface TermMatch {
  /** The term as it was given. */
  term: string;
  covered: boolean;
  /** Non-overlapping occurrences, counted left to right. */
  occurrences: number;
  /** Offsets of the first occurrence in the text (UTF-16 code units, `[start, end)`). */
  first?: { start: number; end: number };
}

/** Which required terms a text covers. */
export interface CoverageReport {
  /** One entry per distinct term, in the order given. */
  terms: TermMatch[];
  covered: string[];
  missing: string[];
  /** `covered.length / terms.length`; 1 when no terms are required. */
  share: number;
}

/**
 * Checks which required terms (words or phrases, German or English) occur in a text. Matching
 * ignores case and diacritics ("Qualität" matches "QUALITAT") and is whole-word: a phrase must
 * appear as the same consecutive words, so "Marke" is not found inside "Markenkern" and
 * "E-Mail" matches "e mail" but not "email". A phrase is not found across a comma, colon,
 * bracket, dash or sentence end ("free, returns" does not cover "free returns"). Terms that
 * fold to the same words are reported once.
 * There is no stemming: "Marke" does not cover "Marken".
 * @throws UsageError when a term contains no letter or digit.
 */
export function termCoverage(text: string, terms: readonly string[]): CoverageReport {
  const textWords = foldWords(text);
  const seen = new Set<string>();
  const matches: TermMatch[] = [];

  for (const term of terms) {
    const termWords = wordsOfTerm(term);
    const key = termWords.map((word) => word.folded).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push(findTerm(term, termWords, textWords));
  }

  return summarise(matches);
}

/** Builds the report from per-term matches; shared with entity coverage. */
export function summarise(matches: TermMatch[]): CoverageReport {
  const covered = matches.filter((match) => match.covered).map((match) => match.term);
  const missing = matches.filter((match) => !match.covered).map((match) => match.term);
  return {
    terms: matches,
    covered,
    missing,
    share: matches.length === 0 ? 1 : covered.length / matches.length,
  };
}

/** The folded words of a term; rejects a term that has none. */
export function wordsOfTerm(term: string): FoldedWord[] {
  const words = foldWords(term);
  if (words.length === 0) {
    throw new UsageError(
      `The required term "${term}" has no letters or digits; remove it from the term list.`,
      { term },
    );
  }
  return words;
}

/** Finds every non-overlapping occurrence of the folded term words in the folded text words. */
export function findTerm(
  term: string,
  termWords: readonly FoldedWord[],
  textWords: readonly FoldedWord[],
): TermMatch {
  let occurrences = 0;
  let first: TermMatch['first'];

  for (let index = 0; index + termWords.length <= textWords.length; index++) {
    const isMatch = termWords.every((word, offset) => {
      const textWord = textWords[index + offset]!;
      const breakAllowed = offset === 0 || word.breakBefore || !textWord.breakBefore;
      return textWord.folded === word.folded && breakAllowed;
    });
    if (!isMatch) continue;

    occurrences += 1;
    first ??= {
      start: textWords[index]!.start,
      end: textWords[index + termWords.length - 1]!.end,
    };
    index += termWords.length - 1;
  }

  if (!first) return { term, covered: false, occurrences };
  return { term, covered: true, occurrences, first };
}
