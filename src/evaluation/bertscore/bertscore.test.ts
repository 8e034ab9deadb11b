import { describe, expect, it, vi } from 'vitest';
import { bertScore } from './bertscore.js';
import { createHashedWordEmbedder } from './test-support/hashed-word-embedder.js';
import { createWordTokenEncoder, words } from './word-token-encoder.js';

const reference = 'The new running shoes are light and comfortable on long trails.';
const paraphrase = 'These new running shoes feel light and comfortable on long trails!';
const unrelated = 'Opening hours of our Hamburg store change on public holidays.';

describe('BERTScore with word-level vectors (stand-in hashed embedder)', () => {
  it('splits words with umlauts, digits and inner apostrophes', () => {
    expect(words("Größe 42: Jack's e-mail, bitte!")).toEqual([
      'größe',
      '42',
      "jack's",
      'e-mail',
      'bitte',
    ]);
  });

  it('gives identical texts 1 and a paraphrase more than an unrelated text', async () => {
    const encoder = createWordTokenEncoder(createHashedWordEmbedder());
    const [same, close, far] = await bertScore(
      [
        { candidate: reference, references: [reference] },
        { candidate: paraphrase, references: [reference] },
        { candidate: unrelated, references: [reference] },
      ],
      encoder,
    );
    expect(same!.f1).toBeCloseTo(1, 6);
    expect(same!.precision).toBeCloseTo(1, 6);
    expect(close!.f1).toBeGreaterThan(far!.f1 + 0.2);
    expect(close!.f1).toBeLessThan(1);
    expect(encoder.method).toBe('word-level');
  });

  it('keeps the best of several references and encodes each text once', async () => {
    const embedder = createHashedWordEmbedder();
    const embed = vi.spyOn(embedder, 'embed');
    const encoder = createWordTokenEncoder(embedder);
    const [result] = await bertScore(
      [{ candidate: paraphrase, references: [unrelated, reference, reference] }],
      encoder,
    );
    expect(result!.reference).toBe(1);
    expect(result!.f1).toBeGreaterThan(0.8);
    expect(embed).toHaveBeenCalledTimes(1);
    const embedded = embed.mock.calls[0]![0];
    expect(new Set(embedded).size).toBe(embedded.length);
  });

  it('with idf weights lets rare words count more than words every reference has', async () => {
    const encoder = createWordTokenEncoder(createHashedWordEmbedder());
    const items = [
      { candidate: 'the red shoe', references: ['the blue shoe'] },
      { candidate: 'the blue hat', references: ['the green hat'] },
      { candidate: 'the big bag', references: ['the small bag'] },
    ];
    const plain = await bertScore(items, encoder);
    const weighted = await bertScore(items, encoder, { idf: true });
    // "the" is in every reference (idf 0): only the differing and item-specific words count.
    for (const [index, score] of weighted.entries()) {
      expect(score.f1).toBeLessThan(plain[index]!.f1);
    }
  });
});
