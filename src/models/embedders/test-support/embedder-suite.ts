import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../embedder.js';

const TEXTS = [
  'Spring sale: thirty percent off all garden tools until Sunday.',
  'How do I return a parcel that arrived damaged?',
  'Our new running shoe is light, breathable and made from recycled yarn.',
  'Opening hours of the flagship store in Hamburg',
  'Free shipping on orders over fifty euros.',
];

/** Words that the BERT vocabulary and USE both hold as single tokens, for equal-length texts. */
const WORDS = ['red', 'blue', 'green', 'shoe', 'bag', 'hat', 'sale', 'new', 'big'];

/**
 * The Embedder port's shared behaviour, run against every adapter: dimension, unit length,
 * input order (also across batches and concurrent calls), empty input, determinism, and
 * the refusal of empty or blank texts (`INPUT_MALFORMED`, naming the text's index).
 */
export function describeEmbedderContract(
  name: string,
  create: () => Promise<Embedder>,
  expected: { dimension: number },
): void {
  describe(`${name} — Embedder contract`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await create();
    });
    afterAll(async () => {
      await embedder?.close();
    });

    it('names its model, revision and dimension', () => {
      expect(embedder.modelId.length).toBeGreaterThan(0);
      expect(embedder.revision.length).toBeGreaterThan(0);
      expect(embedder.dimension).toBe(expected.dimension);
    });

    it('returns one unit-length vector of that dimension per text, for both kinds', async () => {
      for (const kind of ['query', 'passage'] as const) {
        const vectors = await embedder.embed(TEXTS, kind);
        expect(vectors).toHaveLength(TEXTS.length);
        for (const vector of vectors) {
          expect(vector).toBeInstanceOf(Float32Array);
          expect(vector.length).toBe(expected.dimension);
          expect(norm(vector)).toBeCloseTo(1, 4);
        }
      }
    });

    it('keeps input order: each vector equals the text embedded on its own', async () => {
      const together = await embedder.embed(TEXTS, 'passage');
      for (const [index, text] of TEXTS.entries()) {
        const [alone] = await embedder.embed([text], 'passage');
        expect(maxDifference(together[index]!, alone!)).toBeLessThan(1e-4);
      }
      expect(maxDifference(together[0]!, together[1]!)).toBeGreaterThan(1e-3);
    });

    it('keeps order across many batches and concurrent calls', async () => {
      const texts = combinations(WORDS, 3).map((words) => words.join(' '));
      const reversed = [...texts].reverse();
      const [forward, backward] = await Promise.all([
        embedder.embed(texts, 'passage'),
        embedder.embed(reversed, 'passage'),
      ]);
      expect(forward).toHaveLength(texts.length);
      for (let index = 0; index < texts.length; index++) {
        const mirror = backward[texts.length - 1 - index]!;
        expect(maxDifference(forward[index]!, mirror)).toBeLessThan(1e-4);
      }
    });

    it('returns [] for no texts', async () => {
      expect(await embedder.embed([], 'query')).toEqual([]);
    });

    it('is deterministic', async () => {
      const first = await embedder.embed(TEXTS, 'query');
      const second = await embedder.embed(TEXTS, 'query');
      first.forEach((vector, index) => {
        expect(maxDifference(vector, second[index]!)).toBeLessThan(1e-6);
      });
    });

    it('refuses an empty or blank text, naming its index', async () => {
      for (const blank of ['', '  \n ']) {
        await expect(embedder.embed(['fine', blank], 'passage')).rejects.toMatchObject({
          code: 'INPUT_MALFORMED',
          details: { index: 1 },
          message: expect.stringMatching(/Text 1 of 2 is empty/),
        });
      }
    });
  });
}

export function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

export function maxDifference(left: Float32Array, right: Float32Array): number {
  expect(left.length).toBe(right.length);
  return left.reduce(
    (largest, value, index) => Math.max(largest, Math.abs(value - right[index]!)),
    0,
  );
}

function combinations<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, index) =>
    combinations(items.slice(index + 1), size - 1).map((rest) => [item, ...rest]),
  );
}
