/**
 * Checks one produced output against a golden case's expectations. The checks that need other
 * capabilities (the brand policy's disclaimers, the grounding check, the output guard) come
 * in as services, so this file knows only what a golden check means.
 * @module
 */
import { countCharacters } from '../coverage/check-length.js';
import { termCoverage } from '../coverage/term-coverage.js';
import { rougeScores } from '../text/rouge.js';
import type { GoldenCase } from './golden-set.js';

/** What a generator produced for one golden case. */
export interface GoldenOutput {
  text: string;
  /** One entry per sentence of `text`, with the ids of the sources it cites. */
  sentences?: { text: string; sources: string[] }[];
  /** The chunks the output was grounded on, for the grounding check. */
  context?: { id: string; text: string }[];
  /** Why the input guard refused the case's input; such a case always fails. */
  inputBlocked?: string;
}

/** Capabilities the checks call; each returns plain facts. */
export interface GoldenServices {
  /** The disclaimer the policy requires and which is absent from `text`, if any. */
  missingDisclaimer(
    text: string,
    options: { lang: 'de' | 'en'; category: string; channel: string },
  ): string | undefined;
  /** Share of factual sentences no source supports, in [0, 1]. */
  unsupportedClaimRate(output: GoldenOutput, lang: 'de' | 'en'): Promise<number>;
  /** The strictest guard action on the output: `allow`, `mask`, `flag` or `block`. */
  guardVerdict(output: GoldenOutput, lang: 'de' | 'en'): Promise<string>;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** The measured value, where the check measures one. */
  value?: number | string;
  /** The limit it was held against. */
  limit?: number | string;
  note?: string;
}

/** Runs every expectation of a case; checks the case does not ask for are not run. */
export async function checkGoldenOutput(
  goldenCase: GoldenCase,
  output: GoldenOutput,
  services: GoldenServices,
): Promise<CheckResult[]> {
  const expect = goldenCase.expect;
  const results: CheckResult[] = [];

  if (output.inputBlocked !== undefined) {
    results.push({ name: 'inputAccepted', passed: false, note: output.inputBlocked });
  }

  if (expect.mustCite) results.push(checkCitations(output));
  if (expect.disclaimer) {
    const missing = services.missingDisclaimer(output.text, {
      lang: goldenCase.lang,
      ...expect.disclaimer,
    });
    results.push({
      name: 'disclaimer',
      passed: missing === undefined,
      ...(missing ? { note: `missing: ${missing}` } : {}),
    });
  }
  if (expect.mustNotContain) {
    const found = termCoverage(output.text, expect.mustNotContain).covered;
    results.push({
      name: 'mustNotContain',
      passed: found.length === 0,
      ...(found.length ? { note: `contains: ${found.join(', ')}` } : {}),
    });
  }
  if (expect.mustContain) {
    const missing = termCoverage(output.text, expect.mustContain).missing;
    results.push({
      name: 'mustContain',
      passed: missing.length === 0,
      ...(missing.length ? { note: `missing: ${missing.join(', ')}` } : {}),
    });
  }
  if (expect.minRouge) {
    const { references, metric, min } = expect.minRouge;
    const value = rougeScores(references, output.text)[metric].fmeasure;
    results.push({ name: `min${capitalise(metric)}`, passed: value >= min, value, limit: min });
  }
  if (expect.maxUnsupportedClaimRate !== undefined) {
    const value = await services.unsupportedClaimRate(output, goldenCase.lang);
    const limit = expect.maxUnsupportedClaimRate;
    results.push({ name: 'maxUnsupportedClaimRate', passed: value <= limit, value, limit });
  }
  if (expect.maxChars !== undefined) {
    const value = countCharacters(output.text);
    results.push({
      name: 'maxChars',
      passed: value <= expect.maxChars,
      value,
      limit: expect.maxChars,
    });
  }
  if (expect.noBlockingFindings) {
    const verdict = await services.guardVerdict(output, goldenCase.lang);
    results.push({ name: 'noBlockingFindings', passed: verdict !== 'block', value: verdict });
  }
  return results;
}

function checkCitations(output: GoldenOutput): CheckResult {
  const sentences = output.sentences ?? [];
  const uncited = sentences.filter((sentence) => sentence.sources.length === 0).length;
  if (sentences.length === 0) {
    return { name: 'mustCite', passed: false, note: 'the output carries no sentence citations' };
  }
  return {
    name: 'mustCite',
    passed: uncited === 0,
    value: uncited,
    limit: 0,
    ...(uncited ? { note: `${uncited} of ${sentences.length} sentences cite nothing` } : {}),
  };
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
