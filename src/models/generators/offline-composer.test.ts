import { describe, expect, it } from 'vitest';
import { countTokens } from '../../ingest/process/tokens.js';
import type { GenerationEvent, GenerationRequest } from './generator.js';
import { markedText, OfflineComposer, offlineLabel } from './offline-composer.js';
import type { CompositionPlan, ComposerRequest } from './offline-plan.js';
import { describeGeneratorContract } from './test-support/generator-suite.js';

const feed = { source: 'feed', id: 'BF-1' } as const;

function plan(overrides: Partial<CompositionPlan> = {}): CompositionPlan {
  return {
    useCase: 'product-description',
    language: 'en',
    channel: 'web',
    template: { id: 'product-description', version: 1 },
    maxCharacters: 400,
    slots: {
      name: { value: 'Sturmgrat Jacket', citations: [{ ...feed, field: 'name_en' }] },
      features: { value: ['28,000 mm', 'RET 6'], citations: [{ ...feed, field: 'features_en' }] },
    },
    lead: ['{{ name }}: {{ features | join(", ") }}.', '{{ name }}.'],
    passages: [
      {
        kind: 'record',
        citation: { ...feed, field: 'description_en' },
        text: 'A hardshell jacket for alpine tours. All seams of the jacket are taped.',
      },
      {
        kind: 'retrieved',
        citation: { source: 'retrieved', id: 'chunk-7' },
        text:
          'A hardshell jacket with taped seams keeps alpine rain out. ' +
          'Tents need a high hydrostatic head for the floor. ' +
          '| 10,000 mm | mountain jacket | table rows are never quoted. |',
      },
    ],
    maxExtracts: 4,
    minOverlap: 1,
    terms: ['Sturmgrat Jacket', 'hardshell', 'alpine', 'seams'],
    fallback: 'There is no information on this product.',
    ...overrides,
  };
}

function composerRequest(
  overrides: Partial<CompositionPlan> = {},
  extra: Partial<ComposerRequest> = {},
) {
  const composition = plan(overrides);
  return {
    messages: [{ role: 'user', content: 'Write.' }],
    composition,
    ...extra,
  } as ComposerRequest;
}

async function events(request: GenerationRequest): Promise<GenerationEvent[]> {
  const seen: GenerationEvent[] = [];
  for await (const event of new OfflineComposer().stream(request)) seen.push(event);
  return seen;
}

describe('OfflineComposer', () => {
  it('streams one delta per sentence, then one finish event with the same text', async () => {
    const seen = await events(composerRequest());
    const deltas = seen.filter((event) => event.type === 'text-delta').map((event) => event.text);
    const finish = seen.at(-1);

    expect(seen.filter((event) => event.type === 'finish')).toHaveLength(1);
    if (finish?.type !== 'finish') throw new Error('last event is not finish');
    expect(deltas.join('')).toBe(finish.result.text);
    expect(deltas).toHaveLength(finish.result.sentences?.length ?? 0);
    expect(finish.result.text).toBe(
      'Sturmgrat Jacket: 28,000 mm, RET 6. A hardshell jacket for alpine tours. ' +
        'All seams of the jacket are taped.',
    );
  });

  it('cites the feed fields of the lead and the chunk of each extracted sentence', async () => {
    const result = await new OfflineComposer().generate(composerRequest({ maxExtracts: 3 }));

    expect(result.sentences?.map((sentence) => sentence.citations)).toEqual([
      [
        { ...feed, field: 'name_en' },
        { ...feed, field: 'features_en' },
      ],
      [{ ...feed, field: 'description_en' }],
      [{ ...feed, field: 'description_en' }],
    ]);
  });

  it('drops near-duplicates and sentences that share too few request terms', async () => {
    const result = await new OfflineComposer().generate(
      composerRequest({ passages: plan().passages.slice(1), minOverlap: 2 }),
    );

    expect(result.text).toBe(
      'Sturmgrat Jacket: 28,000 mm, RET 6. ' +
        'A hardshell jacket with taped seams keeps alpine rain out.',
    );
    expect(result.text).not.toContain('Tents');
    expect(result.text).not.toContain('|');
  });

  it('labels the result and marks text for people', async () => {
    const result = await new OfflineComposer().generate(composerRequest());

    expect(result).toMatchObject({
      provider: 'offline',
      model: 'markwerk/offline-composer',
      label: offlineLabel,
    });
    expect(markedText(result)).toBe(`[offline composer] ${result.text}`);
    expect(markedText({ ...result, label: undefined })).toBe(result.text);
  });

  it('takes the next lead pattern when one is too long, never cutting a word', async () => {
    const shorter = await new OfflineComposer().generate(composerRequest({ maxCharacters: 20 }));
    const cut = await new OfflineComposer().generate(
      composerRequest({ maxCharacters: 12, lead: ['{{ name }}: {{ features | join(", ") }}.'] }),
    );

    expect(shorter).toMatchObject({ text: 'Sturmgrat Jacket.', finishReason: 'stop' });
    expect(cut).toMatchObject({ text: 'Sturmgrat', finishReason: 'length' });
  });

  it('stops within max_new_tokens, keeping a prefix of the full text', async () => {
    const composer = new OfflineComposer();
    const full = await composer.generate(composerRequest());
    const cut = await composer.generate(composerRequest({}, { parameters: { maxNewTokens: 5 } }));
    const twoSentences = await composer.generate(
      composerRequest({}, { parameters: { maxNewTokens: 20 } }),
    );

    expect(cut).toMatchObject({ text: 'Sturmgrat Jacket', finishReason: 'length' });
    expect(cut.usage).toEqual({
      inputTokens: countTokens('Write.'),
      outputTokens: countTokens(cut.text),
      source: 'estimate',
    });
    expect(countTokens(twoSentences.text)).toBeLessThanOrEqual(20);
    expect(twoSentences.text).toBe(
      'Sturmgrat Jacket: 28,000 mm, RET 6. A hardshell jacket for alpine tours.',
    );
    expect(twoSentences.sentences).toHaveLength(2);
    expect(full.text.startsWith(twoSentences.text)).toBe(true);
  });

  it('ends before the first stop sequence', async () => {
    const result = await new OfflineComposer().generate(
      composerRequest({}, { parameters: { stop: ['All seams', 'RET'] } }),
    );

    expect(result).toMatchObject({
      text: 'Sturmgrat Jacket: 28,000 mm,',
      finishReason: 'stop_sequence',
    });
  });

  it('writes the fixed fallback, uncited, when nothing can be composed', async () => {
    const result = await new OfflineComposer().generate(
      composerRequest({ slots: {}, passages: [] }),
    );

    expect(result.text).toBe('There is no information on this product.');
    expect(result.sentences).toEqual([{ text: result.text, citations: [] }]);
  });

  it('composes plain chat messages from their quoted fact blocks', async () => {
    const content = [
      'Question: How long does the sunscreen protect on glacier tours?',
      '<facts>',
      '<fact id="c-1">"Sunscreen on glacier tours protects for about two hours, ' +
        'then reapply it."</fact>',
      '<fact id="c-2">"Our tents are pitched in three minutes."</fact>',
      '</facts>',
    ].join('\n');
    const result = await new OfflineComposer().generate({ messages: [{ role: 'user', content }] });

    expect(result.text).toBe(
      'Sunscreen on glacier tours protects for about two hours, then reapply it.',
    );
    expect(result.sentences?.[0]?.citations).toEqual([{ source: 'retrieved', id: 'c-1' }]);
    expect(result.template).toBeUndefined();
  });

  it('answers a plain prompt without facts with a notice, not an invention', async () => {
    const result = await new OfflineComposer().generate({ prompt: 'Tell me a story.' });

    expect(result.text).toMatch(/nothing to compose from/);
    expect(result.finishReason).toBe('stop');
  });

  it('gives the same text and citations for the same request', async () => {
    const first = await new OfflineComposer().generate(composerRequest());
    const second = await new OfflineComposer().generate(composerRequest());

    expect({ ...second, timings: first.timings }).toEqual(first);
  });

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(
      new OfflineComposer().generate(composerRequest({}, { signal: controller.signal })),
    ).rejects.toMatchObject({ code: 'INTERRUPTED' });
  });

  it('describes itself as the offline provider', async () => {
    expect(await new OfflineComposer().info()).toEqual({
      provider: 'offline',
      model: 'markwerk/offline-composer',
      revision: 'markwerk@0.1.0',
    });
  });
});

describeGeneratorContract('offline composer, plain requests without facts', () =>
  Promise.resolve(new OfflineComposer()),
);

const factLines = [
  '<facts>',
  '<fact id="c-9">"Free shipping applies to every order over fifty euros in Germany and Austria.' +
    ' Orders over fifty euros ship free within two working days."</fact>',
  '<fact id="c-4">"Our spring sale takes twenty percent off garden tools until the end of April.' +
    ' The sale on garden tools covers spades, rakes and pruning shears."</fact>',
  '</facts>',
].join('\n');

describeGeneratorContract(
  'offline composer, requests with quoted facts',
  () => Promise.resolve(new OfflineComposer()),
  {
    prompt: `Write a short line about our spring sale on garden tools\n${factLines}`,
    messages: [
      { role: 'system', content: 'You write short marketing lines.' },
      { role: 'user', content: `Announce free shipping on orders over fifty euros\n${factLines}` },
    ],
  },
);
