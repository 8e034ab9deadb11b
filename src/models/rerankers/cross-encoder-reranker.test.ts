import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import { CrossEncoderReranker } from './cross-encoder-reranker.js';
import { describeRerankerBehaviour } from './test-support/reranker-behaviour.js';
import { hasSharedFolder, sharedFolder } from './test-support/shared-folder.js';
import { loadTokenOverlapSession } from './test-support/token-overlap-session.js';
import type { TokenOverlapSession } from './test-support/token-overlap-session.js';

const dummyModel = path.join(sharedFolder, 'models/vespa-dummy-bert-mlm');
const why = hasSharedFolder ? '' : ' (skipped: ../shared is not checked out)';

/** Loads the reranker with the real BERT tokenizer and the fake word-piece-overlap model. */
async function overlapReranker(
  settings: { maxLength?: number; batchSize?: number; sigmoid?: boolean; logitIndex?: number } = {},
  labels: 1 | 2 = 1,
): Promise<{ reranker: CrossEncoderReranker; session: TokenOverlapSession }> {
  let session: TokenOverlapSession | undefined;
  const reranker = await CrossEncoderReranker.load(
    { model: dummyModel, offline: true, ...settings },
    async (source) => (session = await loadTokenOverlapSession(source, labels)),
  );
  return { reranker, session: session! };
}

describe.skipIf(!hasSharedFolder)(`CrossEncoderReranker${why}`, () => {
  describeRerankerBehaviour(
    'CrossEncoderReranker (real tokenizer, fake word-piece-overlap model, batches of 8)',
    async () => (await overlapReranker({ batchSize: 8 })).reranker,
  );

  describe('with the fake word-piece-overlap model', () => {
    let opened: CrossEncoderReranker | undefined;
    afterEach(async () => opened?.close());

    it('runs the pairs in batches of batchSize, padded to the longest pair of each', async () => {
      const { reranker, session } = await overlapReranker({ batchSize: 2 });
      opened = reranker;
      const texts = ['red tent', 'a much longer text about a green tent', 'tent', 'blue'];

      await reranker.rerank(
        'tent',
        texts.map((text, index) => ({ id: `t${index}`, text })),
      );

      expect(session.batches.map(([rows]) => rows)).toEqual([2, 2]);
      // [CLS] tent [SEP] a much longer text about a green tent [SEP] = 12 pieces.
      expect(session.batches[0]![1]).toBe(12);
      expect(session.rows[0]!.slice(-4)).toEqual([0n, 0n, 0n, 0n]);
    });

    it('cuts long pairs to maxLength and keeps the closing [SEP]', async () => {
      const { reranker, session } = await overlapReranker({ maxLength: 16 });
      opened = reranker;

      await reranker.rerank('tent', [{ id: 'long', text: 'tent '.repeat(500) }]);

      expect(session.batches).toEqual([[1, 16]]);
      expect(session.rows[0]!.at(-1)).toBe(102n);
      expect(session.rows[0]![0]).toBe(101n);
    });

    it('reads the chosen logit and applies the sigmoid when asked', async () => {
      const candidates = [
        { id: 'match', text: 'tent' },
        { id: 'other', text: 'stove' },
      ];
      const raw = await overlapReranker({ logitIndex: 1 }, 2);
      opened = raw.reranker;
      expect(await raw.reranker.rerank('tent', candidates)).toEqual([
        { id: 'match', score: 1 },
        { id: 'other', score: 0 },
      ]);

      const squashed = await overlapReranker({ sigmoid: true });
      const hits = await squashed.reranker.rerank('tent', candidates);
      await squashed.reranker.close();
      expect(hits[0]!.score).toBeCloseTo(1 / (1 + Math.exp(-1)));
      expect(hits[1]!.score).toBeCloseTo(0.5);
      expect(squashed.session.disposed).toBe(true);
    });

    it('fails with CONFIG_INVALID when logitIndex is beyond the labels', async () => {
      const { reranker } = await overlapReranker({ logitIndex: 1 });
      opened = reranker;

      await expect(reranker.rerank('tent', [{ id: 'a', text: 'tent' }])).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        details: { shape: [1, 1], logitIndex: 1 },
      });
    });
  });

  describe('with transformers.js loading the real dummy model', () => {
    let reranker: CrossEncoderReranker;
    beforeAll(async () => {
      reranker = await CrossEncoderReranker.load({ model: dummyModel, offline: true });
    });

    it('loads a masked-LM folder, then refuses its per-token logits as scores', async () => {
      const attempt = reranker.rerank('tent', [
        { id: 'a', text: 'a tent' },
        { id: 'b', text: 'a stove' },
      ]);

      // The folder holds a masked LM: logits are [pairs, tokens, vocabulary], not [pairs, 1].
      await expect(attempt).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
      await expect(attempt).rejects.toThrow(/\[2, \d+, 30522\]/);
      await reranker.close();
    });
  });

  it('names the folder when a local model is missing, without going online', async () => {
    const missing = path.join(sharedFolder, 'models/no-such-reranker');

    await expect(CrossEncoderReranker.load({ model: missing })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      message: expect.stringContaining('no-such-reranker'),
    });
    await expect(
      CrossEncoderReranker.load({ model: 'example-org/no-such-reranker', offline: true }),
    ).rejects.toBeInstanceOf(MarkwerkError);
  });
});

describe('CrossEncoderReranker settings', () => {
  it('takes offline mode from HF_HUB_OFFLINE and rejects a zero batch size', async () => {
    const previous = process.env.HF_HUB_OFFLINE;
    process.env.HF_HUB_OFFLINE = '1';
    const seen: boolean[] = [];
    try {
      await CrossEncoderReranker.load({ model: 'example-org/reranker' }, async (source) => {
        seen.push(source.offline);
        throw new Error('stop after reading the settings');
      });
    } catch {
      // Expected: the loader above stops on purpose.
    } finally {
      if (previous === undefined) delete process.env.HF_HUB_OFFLINE;
      else process.env.HF_HUB_OFFLINE = previous;
    }

    expect(seen).toEqual([true]);
    await expect(
      CrossEncoderReranker.load({ model: 'x', batchSize: 0 }, () => Promise.reject(new Error())),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
