import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retryAfterMs } from './tei-http.js';
import { TeiReranker } from './tei-reranker.js';
import type { TeiRerankerConfig } from './tei-reranker.js';
import { describeRerankerBehaviour } from './test-support/reranker-behaviour.js';
import { standInLogit, startStandInTeiServer } from './test-support/stand-in-tei-server.js';
import type { StandInTeiServer } from './test-support/stand-in-tei-server.js';

const quickRetries = { retryBaseDelayMs: 5, maxRetryDelayMs: 200, timeoutMs: 2_000 };

describe('TeiReranker (stand-in TEI server)', () => {
  let behaviourServer: StandInTeiServer;
  describeRerankerBehaviour('TeiReranker (stand-in TEI server, 16 texts per request)', async () => {
    behaviourServer = await startStandInTeiServer({ maxClientBatchSize: 16 });
    return TeiReranker.connect({ url: behaviourServer.url, ...quickRetries });
  });
  afterAll(() => behaviourServer?.close());

  let server: StandInTeiServer;
  const connect = (config: Partial<TeiRerankerConfig> = {}) =>
    TeiReranker.connect({ url: server.url, ...quickRetries, ...config });
  const candidates = ['red tent', 'tent pegs', 'stove'].map((text, index) => ({
    id: `c${index}`,
    text,
  }));

  beforeAll(async () => {
    server = await startStandInTeiServer({ maxClientBatchSize: 4, payloadLimit: 2_000 });
  });
  afterEach(() => {
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  it('reads the model and batch limit from /info and splits requests to fit', async () => {
    const reranker = await connect();
    const many = Array.from({ length: 10 }, (_, index) => ({ id: `${index}`, text: 'tent' }));

    await reranker.rerank('tent', many);

    expect(reranker.modelId).toBe('stand-in/word-overlap-reranker');
    expect(server.requests.map((request) => request.texts.length).sort()).toEqual([2, 4, 4]);
  });

  it('sends the query, title and text, and maps scores back by index', async () => {
    const reranker = await connect({ rawScores: true });

    const hits = await reranker.rerank('red tent', [
      { id: 'plain', text: 'stove' },
      { id: 'titled', title: 'Red', text: 'tent' },
    ]);

    expect(server.requests[0]).toMatchObject({
      query: 'red tent',
      texts: ['stove', 'Red\ntent'],
      raw_scores: true,
      truncate: true,
    });
    expect(hits).toEqual([
      { id: 'titled', score: standInLogit('red tent', 'red tent') },
      { id: 'plain', score: standInLogit('red tent', 'stove') },
    ]);
  });

  it('retries a 429, honouring Retry-After, and a 503', async () => {
    const reranker = await connect();
    const before = server.attempts;
    server.failNext(
      {
        status: 429,
        retryAfter: '0.05',
        body: { error: 'Model is overloaded', error_type: 'Overloaded' },
      },
      { status: 503, body: { error: 'unhealthy', error_type: 'Unhealthy' } },
    );
    const started = performance.now();

    const hits = await reranker.rerank('tent', candidates);

    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(server.attempts - before).toBe(3);
    expect(hits).toHaveLength(3);
  });

  it('gives up with FETCH_FAILED when retries run out or Retry-After is too long', async () => {
    const reranker = await connect({ maxRetries: 1 });
    const overloaded = { error: 'Model is overloaded', error_type: 'Overloaded' };
    server.failNext({ status: 429, body: overloaded }, { status: 429, body: overloaded });

    await expect(reranker.rerank('tent', candidates)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { url: `${server.url}/rerank`, status: 429, error_type: 'Overloaded', attempts: 2 },
    });

    server.failNext({ status: 429, retryAfter: '60', body: overloaded });
    await expect(reranker.rerank('tent', candidates)).rejects.toMatchObject({
      details: { status: 429, attempts: 1, retryAfterMs: 60_000 },
    });
  });

  it('does not retry a client error, and says what the server said', async () => {
    const reranker = await connect();
    const before = server.attempts;
    server.failNext({ status: 424, body: { error: 'Inference failed', error_type: 'Backend' } });

    const failure = reranker.rerank('tent', candidates);

    await expect(failure).rejects.toThrow(/HTTP 424: Inference failed/);
    await expect(failure).rejects.toMatchObject({ details: { error_type: 'Backend' } });
    expect(server.attempts - before).toBe(1);
  });

  it('halves a batch the server rejects with 413 until it fits', async () => {
    const reranker = await connect();
    const bulky = Array.from({ length: 4 }, (_, index) => ({
      id: `${index}`,
      text: `tent ${'x'.repeat(600)}`,
    }));

    const hits = await reranker.rerank('tent', bulky);

    expect(hits).toHaveLength(4);
    expect(server.requests.map((request) => request.texts.length)).toEqual([2, 2]);
  });

  it('times out a request that takes too long, without retrying it', async () => {
    const reranker = await connect({ timeoutMs: 100 });
    const before = server.attempts;
    server.failNext({ status: 200, delayMs: 1_000, body: [] });

    await expect(reranker.rerank('tent', candidates)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { error_type: 'Timeout', attempts: 1 },
    });
    expect(server.attempts - before).toBe(1);
  });

  it('rejects an answer that does not score each text once', async () => {
    const reranker = await connect();
    server.failNext({
      status: 200,
      body: [
        { index: 0, score: 1 },
        { index: 0, score: 2 },
      ],
    });

    await expect(reranker.rerank('tent', candidates.slice(0, 2))).rejects.toThrow(/index, score/);
  });
});

describe('TeiReranker.connect (stand-in TEI server)', () => {
  it('sends the API key, and explains a 401 without echoing the key', async () => {
    const server = await startStandInTeiServer({ apiKey: 'secret-key' });
    try {
      const reranker = await TeiReranker.connect({ url: server.url, apiKey: 'secret-key' });
      await reranker.rerank('tent', [{ id: 'a', text: 'tent' }]);
      expect(server.requests[0]?.authorization).toBe('Bearer secret-key');

      const refused = TeiReranker.connect({ url: server.url, apiKey: 'wrong-key' });
      await expect(refused).rejects.toThrow(/apiKey/);
      await expect(refused).rejects.not.toThrow(/wrong-key/);
    } finally {
      await server.close();
    }
  });

  it('refuses a server that runs an embedding model', async () => {
    const server = await startStandInTeiServer({ modelType: { embedding: { pooling: 'cls' } } });
    try {
      await expect(TeiReranker.connect({ url: server.url })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
      });
    } finally {
      await server.close();
    }
  });

  it('fails at start-up with FETCH_FAILED when nothing listens', async () => {
    const server = await startStandInTeiServer();
    const { url } = server;
    await server.close();

    await expect(
      TeiReranker.connect({ url, maxRetries: 1, retryBaseDelayMs: 1 }),
    ).rejects.toMatchObject({ code: 'FETCH_FAILED', details: { url: `${url}/info`, attempts: 2 } });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');

    expect(retryAfterMs('2', now)).toBe(2_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
