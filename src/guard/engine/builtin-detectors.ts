/**
 * The shipped detectors behind the engine's interface: personal data, claims, disclaimers,
 * brand terms, toxicity, prompt injection and grounding.
 * @module
 */

import type { Embedder } from '../../models/embedders/embedder.js';
import { detectBrandTerms } from '../brand-terms/detect-brand-terms.js';
import { detectClaims } from '../claims/detect-claims.js';
import { checkDisclaimers } from '../disclaimers/check-disclaimers.js';
import { personalDataTypes, type GuardAction } from '../finding.js';
import { createGroundingDetector } from '../grounding/grounding-detector.js';
import { detectPromptInjection } from '../injection/detect-prompt-injection.js';
import {
  detectPersonalData,
  detectPersonalDataWithModel,
  type DetectPersonalDataOptions,
  type EntityRecogniser,
} from '../pii/index.js';
import type { BrandPolicy } from '../policy/policy-schema.js';
import { detectToxicity } from '../toxicity/detect-toxicity.js';
import type { GuardDetector } from './detector.js';
import type { GuardConfig } from './guard-config.js';

export interface BuiltinDetectorOptions {
  /** The brand policy; without it claims, disclaimers and brand terms are not checked. */
  policy?: BrandPolicy | undefined;
  /** Personal-data settings (types, allow list, minimum score, phone validation). */
  personalData?: Omit<DetectPersonalDataOptions, 'lang' | 'action'>;
  /** A token-classification model whose entities join the PERSON rules' (`guard.pii.model`). */
  entityRecogniser?: EntityRecogniser | undefined;
  grounding?: GuardConfig['grounding'];
  /** Used by grounding when `grounding.semantic` is on. */
  embedder?: Embedder | undefined;
  /** Today, for claim expiry; defaults to the current date. */
  now?: Date;
}

/** Every shipped detector the options allow, in a fixed order. */
export function builtinDetectors(options: BuiltinDetectorOptions = {}): GuardDetector[] {
  const { policy } = options;
  const version = policy?.version;
  const detectors: GuardDetector[] = [
    {
      name: 'personal-data',
      types: personalDataTypes,
      detect: (text, context) => {
        const settings = { ...options.personalData, lang: context.lang };
        const recogniser = options.entityRecogniser;
        return recogniser
          ? detectPersonalDataWithModel(text, recogniser, settings)
          : detectPersonalData(text, settings);
      },
    },
    {
      name: 'toxicity',
      types: ['TOXICITY'],
      detect: (text, context) =>
        detectToxicity(text, {
          lang: context.lang,
          ...(version !== undefined ? { policyVersion: version } : {}),
        }),
    },
    {
      name: 'prompt-injection',
      types: ['PROMPT_INJECTION'],
      detect: (text, context) =>
        detectPromptInjection(text, {
          lang: context.lang,
          source: context.source === 'retrieved' ? 'retrieved' : 'user',
          ...(version !== undefined ? { policyVersion: version } : {}),
        }),
    },
    createGroundingDetector({
      ...(options.grounding ?? {}),
      embedder: options.grounding?.semantic ? options.embedder : undefined,
      knownNames: policy ? brandNames(policy) : [],
    }),
  ];
  if (!policy) return detectors;

  return detectors.concat([
    {
      name: 'claims',
      types: ['CLAIM'],
      proposesActions: true,
      directions: ['out'],
      detect: (text, context) =>
        detectClaims(text, {
          lang: context.lang,
          policy,
          ...(context.market ? { market: context.market } : {}),
          ...(options.now ? { now: options.now } : {}),
        }),
    },
    {
      name: 'disclaimers',
      types: ['DISCLAIMER_MISSING'],
      directions: ['out'],
      detect: (text, context) =>
        context.category
          ? checkDisclaimers(text, {
              lang: context.lang,
              category: context.category,
              channel: context.channel ?? 'default',
              policy,
            })
          : [],
    },
    {
      name: 'brand-terms',
      types: ['BRAND_TERM'],
      directions: ['out'],
      detect: (text) => detectBrandTerms(text, { policy }),
    },
  ]);
}

/** The actions the brand policy gives its own claim rules, as engine rule defaults. */
export function policyRuleActions(policy: BrandPolicy | undefined): Record<string, GuardAction> {
  if (!policy) return {};
  return Object.fromEntries(
    policy.claim_rules.flatMap((rule) => (rule.action ? [[rule.id, rule.action]] : [])),
  );
}

/** Brand and product names, which grounding treats as names that must match the source. */
function brandNames(policy: BrandPolicy): string[] {
  return [
    ...(policy.brand ? [policy.brand] : []),
    ...policy.brand_terms.map((term) => term.canonical),
  ];
}
