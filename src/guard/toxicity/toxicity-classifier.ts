/**
 * Optional model-based toxicity check behind a small port, with an adapter for a
 * transformers.js text-classification pipeline. Configured only when a local model is
 * named; the lexicons run either way.
 * @module
 */

import { z } from 'zod';

import type { GuardFinding, GuardLanguage } from '../finding.js';
import { detectToxicity } from './detect-toxicity.js';

/** One label and its probability, as transformers.js returns them. */
export interface ClassifierLabel {
  label: string;
  score: number;
}

/** The part of a transformers.js text-classification pipeline the adapter calls. */
export type TextClassificationPipeline = (
  text: string,
  options?: { top_k?: number | null },
) => Promise<ClassifierLabel[]>;

/** The port: how toxic one passage is, in [0, 1], and the label that says so. */
export interface ToxicityClassifier {
  classify(text: string): Promise<{ score: number; label: string }>;
}

/** `guard.toxicity.classifier` configuration. */
export const toxicityClassifierConfigSchema = z.object({
  model: z.string().min(1).describe('Local transformers.js model id or folder'),
  threshold: z.number().min(0).max(1).default(0.8).describe('Score at or above which to flag'),
  toxicLabels: z
    .array(z.string().min(1))
    .default(['toxic', 'severe_toxic', 'obscene', 'insult', 'threat', 'identity_hate', 'offensive'])
    .describe('Labels that mean toxic; matched case-insensitively'),
});

export type ToxicityClassifierConfig = z.input<typeof toxicityClassifierConfigSchema>;

async function loadTransformersPipeline(model: string): Promise<TextClassificationPipeline> {
  const transformers = await import('@huggingface/transformers');
  const loaded = await transformers.pipeline('text-classification', model);
  return (text, options) => loaded(text, options) as Promise<ClassifierLabel[]>;
}

/**
 * A classifier over a transformers.js pipeline. `loadPipeline` replaces the real loader
 * (tests inject a fake; the real one loads the model from the local cache on first use).
 */
export function createTransformersToxicityClassifier(
  config: ToxicityClassifierConfig,
  loadPipeline: (model: string) => Promise<TextClassificationPipeline> = loadTransformersPipeline,
): ToxicityClassifier {
  const { model, toxicLabels } = toxicityClassifierConfigSchema.parse(config);
  const toxic = new Set(toxicLabels.map((label) => label.toLowerCase()));
  let pipeline: Promise<TextClassificationPipeline> | undefined;

  return {
    async classify(text) {
      pipeline ??= loadPipeline(model);
      const labels = await (await pipeline)(text, { top_k: null });
      const best = labels
        .filter((item) => toxic.has(item.label.toLowerCase()))
        .sort((left, right) => right.score - left.score)[0];
      return best ?? { score: 0, label: 'none' };
    },
  };
}

const sentencePattern = /[^.!?\n]+[.!?]*/g;

/**
 * Lexicon findings plus one `toxicity.classifier` finding per sentence the classifier
 * scores at or above the threshold and no lexicon finding already covers.
 */
export async function detectToxicityWithClassifier(
  text: string,
  options: { lang: GuardLanguage; classifier: ToxicityClassifier; threshold?: number },
): Promise<GuardFinding[]> {
  const threshold = options.threshold ?? 0.8;
  const findings = detectToxicity(text, { lang: options.lang });

  for (const match of text.matchAll(sentencePattern)) {
    const sentence = match[0].trim();
    if (sentence === '') continue;
    const start = match.index + match[0].indexOf(sentence);
    const end = start + sentence.length;
    if (findings.some((finding) => finding.start < end && start < finding.end)) continue;

    const verdict = await options.classifier.classify(sentence);
    if (verdict.score < threshold) continue;
    findings.push({
      type: 'TOXICITY',
      start,
      end,
      text: sentence,
      score: verdict.score,
      rule: 'toxicity.classifier',
      action: 'flag',
      details: { label: verdict.label, source: 'classifier' },
    });
  }
  return findings.sort((left, right) => left.start - right.start);
}
