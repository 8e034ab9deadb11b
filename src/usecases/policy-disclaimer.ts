import type { BrandPolicy } from '../guard/policy/policy-schema.js';
import { checkDisclaimers } from '../guard/disclaimers/check-disclaimers.js';

/**
 * The disclaimer text a brand policy requires for a product category and channel, in the
 * given language; read through the disclaimer check itself, so both agree on the rules.
 */
export function requiredDisclaimerFrom(policy: BrandPolicy) {
  return (category: string, channel: string, lang: 'de' | 'en'): string | undefined => {
    const [missing] = checkDisclaimers('', { lang, category, channel, policy });
    const required = missing?.details?.required;
    return typeof required === 'string' ? required : undefined;
  };
}
