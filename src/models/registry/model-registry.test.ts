import { describe, expect, it } from 'vitest';
import { generatorCards } from './catalogue-generators.js';
import {
  findModelCard,
  listModelCards,
  parseCatalogue,
  requireModelCard,
} from './model-registry.js';

describe('model registry', () => {
  it('holds a valid card for every model kind the brief names', () => {
    const cards = listModelCards();
    const ids = cards.map((card) => card.id);

    expect(ids).toEqual(
      expect.arrayContaining([
        'markwerk/offline-composer',
        'universal-sentence-encoder-lite',
        'ggml-org/tinyllamas-stories260K',
        'intfloat/multilingual-e5-small',
        'BAAI/bge-small-en-v1.5',
        'BAAI/bge-reranker-base',
      ]),
    );
    expect(new Set(cards.map((card) => card.kind))).toEqual(
      new Set(['generator', 'embedder', 'reranker', 'classifier']),
    );
    expect(
      cards.filter((card) => card.kind === 'generator' && card.provider === 'tgi').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('marks only the tiny story model as test-only', () => {
    const testOnly = listModelCards().filter((card) => card.testOnly);

    expect(testOnly.map((card) => card.id)).toEqual(['ggml-org/tinyllamas-stories260K']);
  });

  it('pins every bundled or local model, and says how to pin the rest', () => {
    for (const card of listModelCards()) {
      if (card.revision.kind === 'unpinned') expect(card.revision.note).toContain(card.id);
      else expect(card.revision.value.length).toBeGreaterThan(0);
    }
    expect(findModelCard('fasttext/lid.176')?.revision).toEqual({
      kind: 'file-sha256',
      value: '8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83',
    });
  });

  it('refuses a card whose revision does not match its kind', () => {
    const broken = { ...generatorCards[1]!, revision: { kind: 'hub-commit', value: 'main' } };

    expect(() => parseCatalogue([broken as never])).toThrow(
      /ggml-org\/tinyllamas-stories260K is invalid at revision\.value/,
    );
  });

  it('refuses duplicate ids and a provider that is not the first runtime', () => {
    const card = generatorCards[0]!;

    expect(() => parseCatalogue([card, card])).toThrow(/appears twice/);
    expect(() => parseCatalogue([{ ...card, provider: 'tgi' }])).toThrow(/at provider/);
  });

  it('names the known ids, and a near miss, for an unknown id', () => {
    expect(() => requireModelCard('bge-reranker')).toThrow(
      /Known models: .*BAAI\/bge-reranker-base/,
    );
    expect(() => requireModelCard('baai/bge-reranker-base')).toThrow(
      /Did you mean "BAAI\/bge-reranker-base"\?/,
    );
    expect(requireModelCard('Qwen/Qwen2.5-7B-Instruct').limits.contextTokens).toBe(32768);
  });
});
