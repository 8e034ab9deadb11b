/**
 * Produces golden-set outputs with the real pipeline (grounded generation and the output
 * guard) and answers the checks' questions from the same guard run.
 * @module
 */
import path from 'node:path';
import { InputError, MarkwerkError } from '../../core/errors.js';
import type { GoldenOutput, GoldenServices } from '../../evaluation/golden/golden-checks.js';
import type { GoldenCase, GoldenSet } from '../../evaluation/golden/golden-set.js';
import { parseGenerationInput, type ProductRecord } from '../../generation/generation-input.js';
import { readProductFeed } from '../../generation/product-feed.js';
import type { ProfileSet } from '../../generation/parameter-profile.js';
import type { TemplateSet } from '../../generation/template-set.js';
import { checkDisclaimers } from '../../guard/disclaimers/check-disclaimers.js';
import type { GuardScanResult } from '../../guard/engine/create-guard-engine.js';
import type { Generator } from '../../models/generators/generator.js';
import { generateGrounded, type GroundedGeneration } from '../../usecases/grounded-generation.js';
import { requiredDisclaimerFrom } from '../../usecases/policy-disclaimer.js';
import type { OpenedGuard } from '../guard/open-guard.js';

export interface GoldenProducerOptions {
  set: GoldenSet;
  setFolder: string;
  generator: Generator;
  assets: { templates: TemplateSet; profiles: ProfileSet };
  guard: OpenedGuard;
}

export function goldenProducer(options: GoldenProducerOptions): {
  produce(goldenCase: GoldenCase): Promise<GoldenOutput>;
  services: GoldenServices;
} {
  const { guard } = options;
  const feed = options.set.feed
    ? readProductFeed(path.resolve(options.setFolder, options.set.feed))
    : undefined;
  const scans = new WeakMap<GoldenOutput, GuardScanResult>();

  async function produce(goldenCase: GoldenCase): Promise<GoldenOutput> {
    const input = parseGenerationInput(
      { language: goldenCase.lang, ...withProduct(goldenCase.input, feed, goldenCase.id) },
      `golden case ${goldenCase.id}`,
    );
    let outcome: GroundedGeneration;
    try {
      outcome = await generateGrounded({
        useCase: goldenCase.useCase,
        input,
        generator: options.generator,
        ...options.assets,
        guard: guard.engine,
        returnBlocked: true,
        ...(guard.policy ? { requiredDisclaimer: requiredDisclaimerFrom(guard.policy) } : {}),
      });
    } catch (error) {
      if (!(error instanceof MarkwerkError && error.code === 'GUARD_BLOCKED')) throw error;
      // The case fails (check `inputAccepted`) and the run goes on.
      return { text: '', sentences: [], inputBlocked: `input guard: ${error.message}` };
    }
    const output: GoldenOutput = {
      text: outcome.result.text,
      sentences: (outcome.result.sentences ?? []).map((sentence) => ({
        text: sentence.text,
        sources: sentence.citations.map((citation) => citation.id),
      })),
    };
    if (outcome.guard) scans.set(output, outcome.guard);
    return output;
  }

  const services: GoldenServices = {
    missingDisclaimer(text, { lang, category, channel }) {
      if (!guard.policy) return undefined;
      const [missing] = checkDisclaimers(text, { lang, category, channel, policy: guard.policy });
      const required = missing?.details?.required;
      return missing ? String(required ?? 'required disclaimer') : undefined;
    },
    async unsupportedClaimRate(output) {
      return scans.get(output)?.metrics.unsupportedClaimRate ?? 0;
    },
    async guardVerdict(output, lang) {
      if (output.inputBlocked !== undefined) return 'block';
      const known = scans.get(output);
      if (known) return known.verdict;
      const scan = await guard.engine.scanText(output.text, {
        lang,
        direction: 'out',
        source: 'generated',
      });
      return scan.verdict;
    },
  };

  return { produce, services };
}

/** The case input with `product: "SKU"` replaced by the feed record. */
function withProduct(
  input: Record<string, unknown>,
  feed: Map<string, ProductRecord> | undefined,
  caseId: string,
): Record<string, unknown> {
  if (typeof input.product !== 'string') return input;
  const product = feed?.get(input.product);
  if (!product) {
    throw new InputError(
      `case ${caseId} names product "${input.product}", which the set's feed does not have`,
      { file: 'golden set', caseId },
    );
  }
  return { ...input, product };
}
