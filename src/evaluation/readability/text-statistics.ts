import { countSyllables, type ReadabilityLanguage } from './count-syllables.js';
import { countSentences, splitWords } from './split-text.js';

/** The counts the readability formulas are computed from. */
export interface TextStatistics {
  /** Whitespace-separated tokens left after punctuation is removed. */
  words: number;
  /** At least 1, even for an empty text. */
  sentences: number;
  syllables: number;
  /** Words of one syllable (ES in the Wiener Sachtextformel). */
  monosyllabicWords: number;
  /** Words of three or more syllables (MS in the Wiener Sachtextformel). */
  polysyllabicWords: number;
  /** Words of more than six letters (IW in the Wiener Sachtextformel). */
  longWords: number;
}

const LETTER = /\p{L}/gu;

/** Counts words, sentences and syllables of a text for the given language. */
export function textStatistics(text: string, language: ReadabilityLanguage): TextStatistics {
  const statistics: TextStatistics = {
    words: 0,
    sentences: countSentences(text),
    syllables: 0,
    monosyllabicWords: 0,
    polysyllabicWords: 0,
    longWords: 0,
  };

  for (const word of splitWords(text)) {
    const syllables = countSyllables(word, language);
    statistics.words += 1;
    statistics.syllables += syllables;
    if (syllables === 1) statistics.monosyllabicWords += 1;
    if (syllables >= 3) statistics.polysyllabicWords += 1;
    if ((word.match(LETTER)?.length ?? 0) > 6) statistics.longWords += 1;
  }

  return statistics;
}
