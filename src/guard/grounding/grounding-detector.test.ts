import { describe, expect, it } from 'vitest';
import { createUseLiteEmbedder } from '../../models/embedders/use-lite-embedder.js';
import { createGuardEngine } from '../engine/create-guard-engine.js';
import { checkGrounding } from './check-grounding.js';
import { createGroundingDetector } from './grounding-detector.js';
import { hashingEmbedder } from './test-support/hashing-embedder.js';

const citations = [
  { id: '1', text: 'The Alpspur avalanche transceiver has a search strip width of 50 metres.' },
];

describe('grounding detector in the engine', () => {
  it('flags unsupported claims in generated text and reports the rate', async () => {
    const engine = createGuardEngine({
      detectors: [createGroundingDetector({ embedder: hashingEmbedder() })],
    });
    const output =
      'The Alpspur avalanche transceiver has a search strip width of 50 metres [1]. ' +
      'The Alpspur avalanche transceiver has a search strip width of 70 metres [1].';

    const result = await engine.scanText(output, { lang: 'en', direction: 'out', citations });

    expect(result.verdict).toBe('flag');
    expect(result.findings.map((finding) => finding.text)).toEqual([
      'The Alpspur avalanche transceiver has a search strip width of 70 metres [1].',
    ]);
    expect(result.metrics).toMatchObject({ factualSentences: 2, unsupportedClaimRate: 0.5 });
  });

  it('stays silent without citations', async () => {
    const engine = createGuardEngine({ detectors: [createGroundingDetector()] });
    const result = await engine.scanText('It weighs 480 g.', { lang: 'en', direction: 'out' });
    expect(result.findings).toEqual([]);
  });
});

describe('grounding with USE lite', () => {
  it('tells a faithful paraphrase from an unrelated claim on real embeddings', async () => {
    const embedder = await createUseLiteEmbedder({ threads: 0 });
    try {
      const output =
        'Our Alpspur transceiver covers a search strip that is 50 metres wide. ' +
        'Alpspur batteries are charged by solar power within 50 minutes.';
      const report = await checkGrounding(output, {
        lang: 'en',
        sources: citations,
        embedder,
        minOverlap: 0.95,
        minSimilarity: 0.6,
      });

      const [paraphrase, invented] = report.sentences;
      expect(paraphrase?.similarity).toBeGreaterThan(invented?.similarity ?? 1);
      expect(paraphrase?.supported).toBe(true);
      expect(invented?.supported).toBe(false);
    } finally {
      await embedder.close();
    }
  });
});
