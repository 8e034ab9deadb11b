import { describe, expect, it } from 'vitest';
import type { TokenClassificationItem } from './entity-recogniser.js';
import { detectPersonalDataWithModel, transformersEntityRecogniser } from './entity-recogniser.js';

/** A stand-in for `pipeline('token-classification', model)`: no model is available offline. */
function standInPipeline(output: TokenClassificationItem[]) {
  return (text: string) => {
    void text;
    return Promise.resolve(output);
  };
}

describe('transformersEntityRecogniser (stand-in token-classification pipeline, no model)', () => {
  it('joins BIO word pieces without offsets into PERSON spans found in the text', async () => {
    const text = 'Gestern rief Katrin Hillebrand wegen Paris an.';
    const recogniser = transformersEntityRecogniser(
      standInPipeline([
        { word: 'Katrin', entity: 'B-PER', score: 0.99, index: 3 },
        { word: 'Hill', entity: 'I-PER', score: 0.97, index: 4 },
        { word: '##ebrand', entity: 'I-PER', score: 0.95, index: 5 },
        { word: 'Paris', entity: 'B-LOC', score: 0.99, index: 7 },
      ]),
    );
    const matches = await recogniser.recognise(text);
    expect(matches.map((match) => text.slice(match.start, match.end))).toEqual([
      'Katrin Hillebrand',
    ]);
    expect(matches[0]?.rule).toBe('pii.person.model');
  });

  it('uses grouped output with offsets and drops low-scoring entities', async () => {
    const text = 'Thanks to Ines and Bob.';
    const recogniser = transformersEntityRecogniser(
      standInPipeline([
        { word: 'Ines', entity_group: 'PER', score: 0.91, start: 10, end: 14 },
        { word: 'Bob', entity_group: 'PER', score: 0.3, start: 19, end: 22 },
      ]),
    );
    const matches = await recogniser.recognise(text);
    expect(matches.map((match) => [match.start, match.end])).toEqual([[10, 14]]);
  });

  it('adds model entities to the rules, through the allow-list', async () => {
    const text = 'Katrin Hillebrand testet den Spatz.';
    const recogniser = transformersEntityRecogniser(
      standInPipeline([
        { word: 'Katrin', entity: 'B-PER', score: 0.99, index: 1 },
        { word: 'Hillebrand', entity: 'I-PER', score: 0.99, index: 2 },
        { word: 'Spatz', entity: 'B-PER', score: 0.8, index: 5 },
      ]),
    );
    const findings = await detectPersonalDataWithModel(text, recogniser, {
      types: ['PERSON'],
      allow: { words: ['Spatz'] },
    });
    expect(findings.map((finding) => finding.text)).toEqual(['Katrin Hillebrand']);
  });
});
