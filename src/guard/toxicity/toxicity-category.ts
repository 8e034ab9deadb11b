/**
 * What kind of toxic language a lexicon entry is, and how sure a match of it is.
 * @module
 */

export type ToxicityCategory = 'profanity' | 'sexual' | 'insult' | 'slur' | 'threat';

export interface ToxicityMetadata {
  /** The word or phrase the patterns stand for. */
  word: string;
  category: ToxicityCategory;
}

/** Confidence of a lexicon match by category; slurs and threats are never innocent. */
export const categoryScores: Record<ToxicityCategory, number> = {
  slur: 0.95,
  threat: 0.95,
  profanity: 0.85,
  sexual: 0.8,
  insult: 0.75,
};
