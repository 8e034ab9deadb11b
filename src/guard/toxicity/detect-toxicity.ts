/**
 * Toxicity and profanity in English and German from lexicons: obscenity's matcher with
 * leet, confusable and repeated-letter transformers, whitelists for innocent words, and a
 * pass over spelt-out words.
 * @module
 */

import type { GuardFinding, GuardLanguage } from '../finding.js';
import { lexiconMatches, type LexiconMatch } from './lexicon-matchers.js';
import { spacedRuns } from './spaced-letters.js';
import { categoryScores } from './toxicity-category.js';

export interface DetectToxicityOptions {
  lang: GuardLanguage;
  /** Recorded on each finding as `details.policyVersion` when given. */
  policyVersion?: string | number;
}

// Each language has one lexicon; the German one includes the English swearing that German
// copy quotes, so German text needs one matcher pass.
function allMatches(text: string, lang: GuardLanguage): LexiconMatch[] {
  const matches = lexiconMatches(text, lang);

  for (const run of spacedRuns(text)) {
    const first = lexiconMatches(run.joined, lang)[0];
    if (first) matches.push({ ...first, start: run.start, end: run.end });
  }
  return matches;
}

/** One finding per stretch of text: the strongest match wins where matches overlap. */
function withoutOverlaps(matches: LexiconMatch[]): LexiconMatch[] {
  const sorted = [...matches].sort(
    (left, right) =>
      left.start - right.start ||
      categoryScores[right.category] - categoryScores[left.category] ||
      right.end - left.end,
  );
  const kept: LexiconMatch[] = [];
  for (const match of sorted) {
    const previous = kept.at(-1);
    if (previous !== undefined && match.start < previous.end) {
      previous.end = Math.max(previous.end, match.end);
      continue;
    }
    kept.push({ ...match });
  }
  return kept;
}

/**
 * Finds profanity, sexual terms, insults, slurs and threats. `rule` is
 * `toxicity.<category>`; `details.word` names the lexicon entry.
 * @example
 * detectToxicity('Was für ein Scheißwetter', { lang: 'de' }); // toxicity.profanity
 */
export function detectToxicity(text: string, options: DetectToxicityOptions): GuardFinding[] {
  return withoutOverlaps(allMatches(text, options.lang)).map((match) => ({
    type: 'TOXICITY',
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    score: categoryScores[match.category],
    rule: `toxicity.${match.category}`,
    action: match.category === 'insult' || match.category === 'sexual' ? 'flag' : 'block',
    details: {
      word: match.word,
      category: match.category,
      lexicon: match.lang,
      ...(options.policyVersion === undefined ? {} : { policyVersion: options.policyVersion }),
    },
  }));
}
