/** Stable codes for what `checkLength` and `checkFormat` report. */
export type TextFindingCode =
  | 'too-few-characters'
  | 'too-many-characters'
  | 'too-few-words'
  | 'too-many-words'
  | 'newline-present'
  | 'missing-end-punctuation'
  | 'sentence-too-long';

/** One problem found in a text, as data; `message` is an English default wording. */
export interface TextFinding {
  code: TextFindingCode;
  message: string;
  /** The measured value (characters or words), where the finding is about a count. */
  actual?: number;
  /** The limit that was crossed. */
  limit?: number;
  /** Where in the text, in UTF-16 code units (`[start, end)`), when the finding has a place. */
  start?: number;
  end?: number;
}

/** Letters, marks and digits, with inner hyphens and apostrophes: "E-Mail" and "don't" are one. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

/** Counts words as `WORD` defines them. */
export function countWords(text: string): number {
  return [...text.matchAll(WORD)].length;
}
