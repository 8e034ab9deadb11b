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

/** Lower case, letters and digits only, single spaces: what "the same text" means here. */
export function normaliseForDisclaimer(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
