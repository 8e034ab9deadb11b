/**
 * Grounding as a guard detector: on generated text with citations, every unsupported factual
 * sentence becomes an `UNSUPPORTED_CLAIM` finding, and the scan reports the rate.
 * @module
 */

import type { GuardDetector } from '../engine/detector.js';
import { checkGrounding, type GroundingOptions } from './check-grounding.js';

export type GroundingDetectorOptions = Omit<GroundingOptions, 'lang' | 'sources'>;

/**
 * Checks text whose scan context carries `citations`; text without them (user input, copy
 * written without retrieval) is left alone, since there is nothing to check it against.
 */
export function createGroundingDetector(options: GroundingDetectorOptions = {}): GuardDetector {
  return {
    name: 'grounding',
    types: ['UNSUPPORTED_CLAIM'],
    async detect(text, context) {
      if (context.citations === undefined) return [];
      const report = await checkGrounding(text, {
        ...options,
        lang: context.lang,
        sources: context.citations,
      });
      return {
        findings: report.findings,
        metrics: {
          factualSentences: report.factualSentences,
          unsupportedClaims: report.unsupported,
          unsupportedClaimRate: report.unsupportedClaimRate,
        },
      };
    },
  };
}
