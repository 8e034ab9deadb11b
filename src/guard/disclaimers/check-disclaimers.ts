/**
 * Mandatory disclaimers: the policy names, per product category and channel, a text that
 * must appear. Presence is checked on normalised text, so line breaks, spacing,
 * punctuation and case do not matter.
 * @module
 */

import type { GuardFinding, GuardLanguage } from '../finding.js';
import type { BrandPolicy } from '../policy/policy-schema.js';

export interface CheckDisclaimersOptions {
  lang: GuardLanguage;
  /** Product category (`sun-protection`, `climbing-safety`, ...). */
  category: string;
  /** `web`, `email`, `social`, `print`; unlisted channels use `default`. */
  channel: string;
  policy: BrandPolicy;
}

const letterOrDigit = /^[\p{L}\p{N}]$/u;
const nonAsciiKinds = new Map<number, boolean>();

function isLetterOrDigit(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // The second half of a surrogate pair belongs to the code point that starts before it.
  const previous = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) {
    return isLetterOrDigit(text, index - 1);
  }
  const point = text.codePointAt(index) ?? code;
  let known = nonAsciiKinds.get(point);
  if (known === undefined) {
    known = letterOrDigit.test(String.fromCodePoint(point));
    if (nonAsciiKinds.size < 10_000) nonAsciiKinds.set(point, known);
  }
  return known;
}

/** Lower case, letters and digits only, single spaces: what "the same text" means here. */
export function normaliseForDisclaimer(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  // A scan instead of replace(/[^\p{L}\p{N}]+/gu, ' '), which was most of the cost.
  let result = '';
  let runStart = -1;
  for (let index = 0; index <= lower.length; index += 1) {
    const inWord = index < lower.length && isLetterOrDigit(lower, index);
    if (inWord && runStart < 0) runStart = index;
    if (inWord || runStart < 0) continue;
    result += result === '' ? lower.slice(runStart, index) : ` ${lower.slice(runStart, index)}`;
    runStart = -1;
  }
  return result;
}

function textIn(entry: { text_de: string; text_en: string }, lang: GuardLanguage): string {
  return lang === 'de' ? entry.text_de : entry.text_en;
}

/**
 * Checks that the disclaimer for the category and channel is present. The channel's own
 * text is required; the category's `default` text also satisfies it, being the longer form.
 * Returns one DISCLAIMER_MISSING finding at the end of the text (empty span) when missing,
 * with the required text in `details.required`; nothing when the category needs none.
 */
export function checkDisclaimers(text: string, options: CheckDisclaimersOptions): GuardFinding[] {
  const { lang, category, channel, policy } = options;
  const channels = policy.disclaimers[category];
  if (channels === undefined) return [];

  const required = channels[channel] ?? channels.default;
  if (required === undefined) return [];

  const haystack = ` ${normaliseForDisclaimer(text)} `;
  const accepted = [required, channels.default].filter((entry) => entry !== undefined);
  const present = accepted.some((entry) =>
    haystack.includes(` ${normaliseForDisclaimer(textIn(entry, lang))} `),
  );
  if (present) return [];

  return [
    {
      type: 'DISCLAIMER_MISSING',
      start: text.length,
      end: text.length,
      text: '',
      score: 1,
      rule: `disclaimer.${category}`,
      action: 'flag',
      details: {
        required: textIn(required, lang),
        category,
        channel: channels[channel] === undefined ? 'default' : channel,
        lang,
        policyVersion: policy.version,
      },
    },
  ];
}
