import { describe, expect, it } from 'vitest';
import { checkGrounding } from './check-grounding.js';
import { hashingEmbedder } from './test-support/hashing-embedder.js';

const jacket = {
  id: 'chunk-jacket',
  text:
    'The Sturmgrat BergfinkDry 3L jacket has a 28,000 mm hydrostatic head and a RET of 6. ' +
    'It weighs 480 g in size M and costs 349 EUR.',
};
const filter = {
  id: 'chunk-filter',
  text: 'Quellklar filters remove 99.9999% of bacteria and 99.9% of protozoa.',
};

describe('checkGrounding', () => {
  it('supports sentences its source states, with numbers written either way', async () => {
    const output =
      'Hello there! The Sturmgrat jacket has a hydrostatic head of 28.000 mm [1]. ' +
      'It weighs 480 g [1]. Shop now!';

    const report = await checkGrounding(output, { lang: 'en', sources: [jacket, filter] });

    expect(report.sentences.map((sentence) => [sentence.supported, sentence.reason])).toEqual([
      [true, 'supported'],
      [true, 'supported'],
    ]);
    expect(report).toMatchObject({ factualSentences: 2, unsupported: 0, unsupportedClaimRate: 0 });
    expect(report.findings).toEqual([]);
  });

  it('flags a sentence whose number, price or name differs from the source', async () => {
    const output =
      'The Sturmgrat jacket weighs 450 g [1]. It costs 349 EUR [1]. The Gratwind jacket ' +
      'has a 28,000 mm hydrostatic head [1].';

    const report = await checkGrounding(output, { lang: 'en', sources: [jacket] });

    expect(report.sentences.map((sentence) => [sentence.reason, sentence.missing])).toEqual([
      ['facts-differ', ['450 g']],
      ['supported', []],
      ['facts-differ', ['Gratwind']],
    ]);
    expect(report.unsupportedClaimRate).toBeCloseTo(2 / 3);
    const [first] = report.findings;
    expect(first).toMatchObject({ type: 'UNSUPPORTED_CLAIM', rule: 'grounding.facts-differ' });
    expect(output.slice(first!.start, first!.end)).toBe(first!.text);
  });

  it('checks a cited sentence only against the sources it cites', async () => {
    const output = 'Quellklar filters remove 99.9999% of bacteria [1].';

    const wrongCitation = await checkGrounding(output, { lang: 'en', sources: [jacket, filter] });
    const rightCitation = await checkGrounding(output.replace('[1]', '[chunk-filter]'), {
      lang: 'en',
      sources: [jacket, filter],
    });
    const unknown = await checkGrounding(output.replace('[1]', '[7]'), {
      lang: 'en',
      sources: [jacket, filter],
    });

    expect(wrongCitation.sentences[0]?.reason).toBe('low-overlap');
    expect(rightCitation.sentences[0]?.reason).toBe('supported');
    expect(unknown.sentences[0]?.reason).toBe('unknown-citation');
  });

  it('flags invented facts in German and counts the rate over factual sentences only', async () => {
    const source = {
      id: '1',
      text: 'Die Sturmgrat Jacke hat eine Wassersäule von 28.000 mm. Sie wiegt 480 g.',
    };
    const output =
      'Hallo zusammen! Die Sturmgrat Jacke hat eine Wassersäule von 28.000 mm. ' +
      'Sie ist außerdem bis 120 km/h sturmfest getestet. Jetzt entdecken!';

    const report = await checkGrounding(output, {
      lang: 'de',
      sources: [source],
      knownNames: ['Sturmgrat'],
    });

    expect(report.sentences.map((sentence) => sentence.supported)).toEqual([true, false]);
    expect(report.unsupportedClaimRate).toBe(0.5);
  });

  it('accepts a paraphrase the embedder finds close where stems overlap too little', async () => {
    const source = { id: '1', text: 'Waterproof jacket, tested for storms, weight 480 g.' };
    const output = 'This jacket was storm tested: 480 g, fully waterproof, light and packable.';
    const embedder = hashingEmbedder();

    const lexicalOnly = await checkGrounding(output, {
      lang: 'en',
      sources: [source],
      minOverlap: 0.9,
    });
    const withEmbedder = await checkGrounding(output, {
      lang: 'en',
      sources: [source],
      minOverlap: 0.9,
      minSimilarity: 0.6,
      embedder,
    });

    expect(lexicalOnly.sentences[0]?.supported).toBe(false);
    expect(withEmbedder.sentences[0]?.supported).toBe(true);
    expect(withEmbedder.sentences[0]?.similarity).toBeGreaterThan(0.6);
    expect(embedder.calls).toBe(2);
  });

  it('sends a sentence that merges facts from two distant source sentences to review', async () => {
    const output = 'The Sturmgrat BergfinkDry 3L jacket has a RET of 6 and costs 349 EUR [1].';

    const report = await checkGrounding(output, { lang: 'en', sources: [jacket] });

    expect(report.sentences[0]).toMatchObject({ reason: 'facts-differ', missing: ['349 EUR'] });
  });

  it('reports every factual sentence unsupported when there are no sources', async () => {
    const report = await checkGrounding('The jacket weighs 480 g.', { lang: 'en', sources: [] });
    expect(report.sentences[0]?.reason).toBe('no-source');
    expect(report.unsupportedClaimRate).toBe(1);
  });
});
