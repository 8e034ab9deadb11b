import type { ReadabilityLanguage } from './count-syllables.js';
import { textStatistics, type TextStatistics } from './text-statistics.js';

/** Scores for English text. `null` when the text has no words (the formulas divide by words). */
export interface EnglishReadability {
  /** Flesch reading ease: higher is easier; roughly 0 (very hard) to 100 (very easy). */
  flesch_reading_ease: number | null;
  statistics: TextStatistics;
}

/** Scores for German text. `null` when the text has no words. */
export interface GermanReadability {
  /** Amstad's German adaptation of Flesch reading ease: higher is easier. */
  flesch_reading_ease: number | null;
  /** First Wiener Sachtextformel: a school grade, roughly 4 (easy) to 15 (very hard). */
  wiener_sachtextformel: number | null;
  statistics: TextStatistics;
}

/**
 * Scores how easy a text is to read, with the formulas textstat uses: Flesch reading ease for
 * English; Amstad's Flesch and the first Wiener Sachtextformel for German. The counts behind the
 * scores come back in `statistics`. A text without words scores `null` rather than a number that
 * would look like a real (and extreme) result.
 *
 * @example readability('The cat sat on the mat.', 'en').flesch_reading_ease // ≈ 116.145
 */
export function readability(text: string, language: 'en'): EnglishReadability;
export function readability(text: string, language: 'de'): GermanReadability;
export function readability(
  text: string,
  language: ReadabilityLanguage,
): EnglishReadability | GermanReadability;
export function readability(
  text: string,
  language: ReadabilityLanguage,
): EnglishReadability | GermanReadability {
  const statistics = textStatistics(text, language);
  const { words, sentences, syllables } = statistics;
  const hasWords = words > 0;
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;

  if (language === 'en') {
    return {
      flesch_reading_ease: hasWords
        ? 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        : null,
      statistics,
    };
  }

  const percentOfWords = (count: number): number => (100 * count) / words;
  return {
    flesch_reading_ease: hasWords ? 180 - wordsPerSentence - 58.5 * syllablesPerWord : null,
    wiener_sachtextformel: hasWords
      ? 0.1935 * percentOfWords(statistics.polysyllabicWords) +
        0.1672 * wordsPerSentence +
        0.1297 * percentOfWords(statistics.longWords) -
        0.0327 * percentOfWords(statistics.monosyllabicWords) -
        0.875
      : null,
    statistics,
  };
}
