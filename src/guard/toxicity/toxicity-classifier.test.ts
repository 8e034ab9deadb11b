import { describe, expect, it } from 'vitest';

import {
  createTransformersToxicityClassifier,
  detectToxicityWithClassifier,
  type TextClassificationPipeline,
} from './toxicity-classifier.js';

/** Scores a sentence as toxic when it contains "awful"; stands in for a real model. */
const fakePipeline: TextClassificationPipeline = async (text) => [
  { label: 'toxic', score: text.includes('awful') ? 0.93 : 0.02 },
  { label: 'non-toxic', score: text.includes('awful') ? 0.07 : 0.98 },
];

describe('transformers.js toxicity adapter (injected fake pipeline)', () => {
  it('loads the pipeline once, for the configured model, and reads the toxic labels', async () => {
    const loaded: string[] = [];
    const classifier = createTransformersToxicityClassifier(
      { model: 'local/toxic-bert' },
      async (model) => {
        loaded.push(model);
        return fakePipeline;
      },
    );

    expect(await classifier.classify('You are awful')).toEqual({ label: 'toxic', score: 0.93 });
    expect(await classifier.classify('Nice hike')).toEqual({ label: 'toxic', score: 0.02 });
    expect(loaded).toEqual(['local/toxic-bert']);
  });

  it('adds a finding per sentence over the threshold that the lexicon missed', async () => {
    const classifier = createTransformersToxicityClassifier(
      { model: 'm' },
      async () => fakePipeline,
    );
    const text = 'Great boots. Your support team is awful and useless! Shit happens.';
    const findings = await detectToxicityWithClassifier(text, { lang: 'en', classifier });

    expect(findings.map((finding) => [finding.rule, finding.text])).toEqual([
      ['toxicity.classifier', 'Your support team is awful and useless!'],
      ['toxicity.profanity', 'Shit'],
    ]);
    expect(findings[0]?.start).toBe(text.indexOf('Your'));
  });
});
