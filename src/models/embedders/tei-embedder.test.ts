import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEmbedderContract, maxDifference } from './test-support/embedder-suite.js';
import {
  startStandInTeiServer,
  type StandInTeiOptions,
  type StandInTeiServer,
} from './test-support/stand-in-tei-server.js';
import type { TeiEmbedderConfigInput } from './tei-embedder-config.js';
import { createTeiEmbedder } from './tei-embedder.js';

const OVERLOADED = { error: 'Model is overloaded', error_type: 'Overloaded' };

let shared: StandInTeiServer;
beforeAll(async () => {
  shared = await startStandInTeiServer({ maxClientBatchSize: 8 });
});
afterAll(() => shared.close());

describeEmbedderContract(
  'TEI (stand-in TEI server)',
  () => createTeiEmbedder({ url: shared.url }),
  {
    dimension: 16,
  },
);

describe('TEI embedder (stand-in TEI server)', () => {
  const servers: StandInTeiServer[] = [];
  const delays: number[] = [];
  const start = async (options: StandInTeiOptions = {}) => {
    const server = await startStandInTeiServer(options);
    servers.push(server);
    return server;
  };
  const connect = (server: StandInTeiServer, config: Partial<TeiEmbedderConfigInput> = {}) =>
    createTeiEmbedder(
      { url: server.url, retryBaseDelayMs: 100, ...config },
      { sleep: async (milliseconds) => void delays.push(milliseconds) },
    );
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('takes model id and revision from /info and splits by max_client_batch_size', async () => {
    const server = await start({ maxClientBatchSize: 4, modelId: 'BAAI/bge-small-en-v1.5' });
    const embedder = await connect(server);
    expect(embedder.modelId).toBe('BAAI/bge-small-en-v1.5');
    expect(embedder.revision).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
    server.requests.length = 0;

    await embedder.embed(
      Array.from({ length: 10 }, (_, index) => `text ${index}`),
      'passage',
    );
    const sizes = server.requests.map(
      (request) => (request.body as { inputs: string[] }).inputs.length,
    );
    expect(sizes.sort()).toEqual([2, 4, 4]);
    expect(server.requests[0]!.body).toMatchObject({ normalize: true, truncate: true });
  });

  it('sends prompt names and prefixes per kind', async () => {
    const server = await start({ prompts: { query: 'query: ', passage: 'passage: ' } });
    const byPrompt = await connect(server, { queryPrompt: 'query', passagePrompt: 'passage' });
    const byPrefix = await connect(server, { queryPrefix: 'query: ' });
    const [prompted] = await byPrompt.embed(['red shoes'], 'query');
    const [prefixed] = await byPrefix.embed(['red shoes'], 'query');
    const [passage] = await byPrompt.embed(['red shoes'], 'passage');

    expect(maxDifference(prompted!, prefixed!)).toBe(0);
    expect(maxDifference(prompted!, passage!)).toBeGreaterThan(1e-3);
    expect(server.requests.at(-1)!.body).toMatchObject({ prompt_name: 'passage' });
  });

  it('waits as Retry-After says on 429, backs off on 503, then succeeds', async () => {
    const server = await start();
    const embedder = await connect(server);
    delays.length = 0;
    server.script(
      { status: 429, body: OVERLOADED, headers: { 'retry-after': '2' } },
      { status: 503, body: { error: 'unhealthy', error_type: 'Unhealthy' } },
    );
    const [vector] = await embedder.embed(['hello'], 'query');
    expect(vector).toHaveLength(16);
    expect(delays[0]).toBe(2000);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it('gives up after maxAttempts with the endpoint, status and error_type', async () => {
    const server = await start();
    const embedder = await connect(server, { maxAttempts: 3 });
    server.script(...Array.from({ length: 3 }, () => ({ status: 429, body: OVERLOADED })));
    await expect(embedder.embed(['hello'], 'query')).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      message: expect.stringMatching(/answered 429: Model is overloaded\. Still overloaded/),
      details: { url: `${server.url}/embed`, status: 429, errorType: 'Overloaded', attempts: 3 },
    });
  });

  it('halves a batch the server finds too large (413) and keeps the order', async () => {
    const server = await start({ payloadLimit: 600 });
    const embedder = await connect(server);
    const texts = Array.from(
      { length: 12 },
      (_, index) => `${'long product text '.repeat(3)}${index}`,
    );
    const together = await embedder.embed(texts, 'passage');
    for (const [index, text] of texts.entries()) {
      const [alone] = await embedder.embed([text], 'passage');
      expect(maxDifference(together[index]!, alone!)).toBe(0);
    }
    expect(
      server.requests.some((request) => request.body && JSON.stringify(request.body).length > 600),
    ).toBe(true);
  });

  it('halves a batch on 422 "batch size", but not on other validation errors', async () => {
    const server = await start();
    const embedder = await connect(server, { queryPrompt: 'no-such-prompt' });
    const error = 'batch size 4 > maximum allowed batch size 2';
    server.script({ status: 422, body: { error, error_type: 'Validation' } });
    const before = server.requests.length;
    expect(await embedder.embed(['a', 'b', 'c', 'd'], 'passage')).toHaveLength(4);
    expect(server.requests.length - before).toBe(3);

    await expect(embedder.embed(['a', 'b'], 'query')).rejects.toMatchObject({
      details: { status: 422, errorType: 'Validation', attempts: 1 },
      message: expect.stringMatching(/prompt `no-such-prompt` cannot be found/),
    });
  });

  it('reports a text that alone is over the payload limit', async () => {
    const server = await start({ payloadLimit: 300 });
    const embedder = await connect(server);
    await expect(embedder.embed(['x'.repeat(400)], 'passage')).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { status: 413, errorType: 'Validation' },
      message: expect.stringMatching(/payload limit/),
    });
  });

  it('does not retry a 424 and says to check the model', async () => {
    const server = await start();
    const embedder = await connect(server);
    server.script({ status: 424, body: { error: 'Inference failed', error_type: 'Backend' } });
    const before = server.requests.length;
    await expect(embedder.embed(['hello'], 'query')).rejects.toMatchObject({
      details: { status: 424, errorType: 'Backend', attempts: 1 },
      message: expect.stringMatching(/embedding model/),
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('reads a plain-text error body', async () => {
    const server = await start();
    const embedder = await connect(server);
    server.script({ status: 502, body: 'Bad Gateway from the proxy' });
    await expect(embedder.embed(['hello'], 'query')).rejects.toMatchObject({
      message: expect.stringMatching(/answered 502: Bad Gateway from the proxy/),
    });
  });

  it('sends the API key and explains a 401 without repeating the key', async () => {
    const server = await start({ apiKey: 'secret-key' });
    const embedder = await connect(server, { apiKey: 'secret-key' });
    expect(server.requests.at(-1)!.authorization).toBe('Bearer secret-key');
    expect(embedder.dimension).toBe(16);

    const wrong = connect(server, { apiKey: 'wrong-key' });
    await expect(wrong).rejects.toMatchObject({ details: { status: 401 } });
    await expect(wrong).rejects.toThrow(/Set apiKey/);
    const error = (await wrong.catch((caught: unknown) => caught)) as Error & { details: object };
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toMatch(/wrong-key/);
  });

  it('refuses a reranker server, a missing model_sha and a wrong dimension at start', async () => {
    const reranker = await start({ modelType: 'reranker' });
    await expect(connect(reranker)).rejects.toMatchObject({ details: { key: 'url' } });
    const unpinned = await start({ modelSha: null });
    await expect(connect(unpinned)).rejects.toMatchObject({ details: { key: 'revision' } });
    expect((await connect(unpinned, { revision: 'v1' })).revision).toBe('v1');
    await expect(connect(shared, { dimension: 384 })).rejects.toThrow(
      /16-dimensional vectors, but the configuration says dimension: 384/,
    );
  });

  it('retries an unreachable server, then names it', async () => {
    const server = await start();
    const url = server.url;
    await server.close();
    await expect(
      createTeiEmbedder({ url, maxAttempts: 2 }, { sleep: async () => {} }),
    ).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { url: `${url}/info`, attempts: 2 },
      message: expect.stringMatching(/Could not reach TEI server .*\(ECONNREFUSED\)/),
    });
  });
});
