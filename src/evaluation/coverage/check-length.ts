import { UsageError } from '../../core/errors.js';
import { countWords, type TextFinding } from './text-finding.js';

export interface LengthLimits {
  minChars?: number;
  maxChars?: number;
  minWords?: number;
  maxWords?: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Counts user-perceived characters (grapheme clusters): "é" written as e + accent and a flag
 * emoji count once each, which is how people read a limit such as "160 characters".
 */
export function countCharacters(text: string): number {
  return [...graphemes.segment(text)].length;
}

/**
 * Checks a text against optional character and word limits (inclusive) and returns one finding per
 * limit crossed, or none. Characters are grapheme clusters of the whole text, whitespace included;
 * words are runs of letters and digits, with inner hyphens and apostrophes kept ("E-Mail" is one).
 * @throws UsageError when a limit is negative or not an integer, or a minimum exceeds its maximum.
 */
export function checkLength(text: string, limits: LengthLimits): TextFinding[] {
  validate(limits);
  const findings: TextFinding[] = [];
  const characters = countCharacters(text);
  const words = countWords(text);

  const check = (
    actual: number,
    limit: number | undefined,
    tooFew: boolean,
    code: TextFinding['code'],
    unit: string,
  ) => {
    if (limit === undefined || (tooFew ? actual >= limit : actual <= limit)) return;
    const bound = tooFew ? 'at least' : 'at most';
    const message = `The text has ${actual} ${unit}; ${bound} ${limit} are allowed.`;
    findings.push({ code, message, actual, limit });
  };
  check(characters, limits.minChars, true, 'too-few-characters', 'characters');
  check(characters, limits.maxChars, false, 'too-many-characters', 'characters');
  check(words, limits.minWords, true, 'too-few-words', 'words');
  check(words, limits.maxWords, false, 'too-many-words', 'words');

  return findings;
}

function validate(limits: LengthLimits): void {
  for (const [key, value] of Object.entries(limits)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      const message = `Length limit ${key} must be a whole number of 0 or more, not ${value}.`;
      throw new UsageError(message, { key, value });
    }
  }
  const pairs = [
    ['minChars', 'maxChars'],
    ['minWords', 'maxWords'],
  ] as const;
  for (const [minimumKey, maximumKey] of pairs) {
    const minimum = limits[minimumKey];
    const maximum = limits[maximumKey];
    if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
      throw new UsageError(
        `Length limit ${minimumKey} (${minimum}) is above ${maximumKey} (${maximum}); swap them.`,
        { [minimumKey]: minimum, [maximumKey]: maximum },
      );
    }
  }
}
