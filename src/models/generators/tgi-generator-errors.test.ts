import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainStream, expectMarkwerkError, rejectionOf } from './test-support/generation-events.js';
import {
  startStandInTgiServer,
  type StandInTgiServer,
} from './test-support/stand-in-tgi-server.js';
import { TgiGenerator } from './tgi-generator.js';

let server: StandInTgiServer;
let generator: TgiGenerator;
beforeAll(async () => {
  server = await startStandInTgiServer({ maxInputTokens: 6, adapters: ['brand-de'] });
  generator = new TgiGenerator({ url: server.url });
});
afterAll(() => server.close());

describe('TgiGenerator errors against the stand-in TGI server', () => {
  it('maps a 422 on /generate to a final GENERATION_FAILED with the server text', async () => {
    const error = await rejectionOf(
      generator.generate({ prompt: 'one two three four five six seven' }),
    );
    const failure = expectMarkwerkError(error, 'GENERATION_FAILED');
    expect(failure.message).toContain('Input validation error: `inputs` must have less than 6');
    expect(failure.details).toMatchObject({
      status: 422,
      retryable: false,
      errorType: 'validation',
      provider: 'tgi',
      url: `${server.url}/generate`,
    });
  });

  it('maps a validation error event on a 200 stream the same way', async () => {
    const { error, deltas } = await drainStream(
      generator.stream({ prompt: 'x', adapter: 'brand-unknown' }),
    );
    expect(deltas).toEqual([]);
    const failure = expectMarkwerkError(error, 'GENERATION_FAILED');
    expect(failure.message).toContain('adapter `brand-unknown` is not loaded');
    expect(failure.details).toMatchObject({ status: 422, retryable: false });
  });

  it('surfaces 429 with Retry-After as RATE_LIMITED with retryAfterMs', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: '2', delivery: 'http' });
    const { error } = await drainStream(generator.stream({ prompt: 'x' }));
    const failure = expectMarkwerkError(error, 'RATE_LIMITED');
    expect(failure.details).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000 });
    expect(failure.message).toContain('Model is overloaded');

    const date = new Date(Date.now() + 30_000).toUTCString();
    server.script({ kind: 'error', status: 429, retryAfter: date });
    const dated = expectMarkwerkError(
      await rejectionOf(generator.generate({ prompt: 'x' })),
      'RATE_LIMITED',
    );
    expect(dated.details.retryAfterMs).toBeGreaterThan(25_000);
  });

  it('maps an in-stream overloaded event to RATE_LIMITED without retryAfterMs', async () => {
    server.script({ kind: 'error', status: 429 });
    const { error } = await drainStream(generator.stream({ prompt: 'x' }));
    const failure = expectMarkwerkError(error, 'RATE_LIMITED');
    expect(failure.details).toMatchObject({ retryable: true, errorType: 'overloaded' });
    expect(failure.details).not.toHaveProperty('retryAfterMs');
  });

  it('maps 424 to a retryable GENERATION_FAILED and 400 to a final one', async () => {
    server.script({ kind: 'error', status: 424 });
    const failed = expectMarkwerkError(
      await rejectionOf(generator.generate({ prompt: 'x' })),
      'GENERATION_FAILED',
    );
    expect(failed.details).toMatchObject({ status: 424, retryable: true, errorType: 'generation' });
    server.script({ kind: 'error', status: 400, message: 'Failed to deserialize the JSON body' });
    const refused = expectMarkwerkError(
      await rejectionOf(generator.generate({ prompt: 'x' })),
      'GENERATION_FAILED',
    );
    expect(refused.details).toMatchObject({ status: 400, retryable: false });
    expect(refused.message).toContain('Failed to deserialize the JSON body');
  });

  it('keeps a plain-text error body and the x-request-id header from a proxy', async () => {
    const headers = { 'content-type': 'text/plain', 'x-request-id': 'req-42' };
    server.script({ kind: 'raw', status: 502, body: 'Bad Gateway: upstream reset', headers });
    const error = await rejectionOf(generator.generate({ prompt: 'x' }));
    const failure = expectMarkwerkError(error, 'ENDPOINT_UNAVAILABLE');
    expect(failure.message).toContain('Bad Gateway: upstream reset');
    expect(failure.details).toMatchObject({ status: 502, retryable: true, requestId: 'req-42' });
  });

  it('maps 503 and a refused connection to a retryable ENDPOINT_UNAVAILABLE', async () => {
    server.script({ kind: 'error', status: 503, retryAfter: '5' });
    const { error } = await drainStream(generator.stream({ prompt: 'x' }));
    const unavailable = expectMarkwerkError(error, 'ENDPOINT_UNAVAILABLE');
    expect(unavailable.details).toMatchObject({ status: 503, retryable: true, retryAfterMs: 5000 });

    const closed = new TgiGenerator({ url: `http://127.0.0.1:${await freePort()}` });
    const refused = await rejectionOf(closed.generate({ prompt: 'x' }));
    expect(expectMarkwerkError(refused, 'ENDPOINT_UNAVAILABLE').details.retryable).toBe(true);
  });

  it('turns a connection dropped mid-stream into STREAM_BROKEN with no finish event', async () => {
    server.script({ kind: 'drop', afterTokens: 2 });
    const { events, deltas, error } = await drainStream(generator.stream({ prompt: 'a b c d' }));
    expect(deltas).toEqual(['A', ' B']);
    expect(events.some((event) => event.type === 'finish')).toBe(false);
    expect(expectMarkwerkError(error, 'STREAM_BROKEN').details.retryable).toBe(true);
  });

  it('turns a stream closed cleanly before the final event into STREAM_BROKEN', async () => {
    server.script({ kind: 'drop', afterTokens: 1, clean: true });
    const { events, error } = await drainStream(generator.stream({ prompt: 'a b c d' }));
    expect(events.map((event) => event.type)).toEqual(['text-delta']);
    expect(expectMarkwerkError(error, 'STREAM_BROKEN').message).toContain('partial');
  });

  it('turns an error event after some tokens into STREAM_BROKEN with its text', async () => {
    server.script({
      kind: 'stream-error',
      afterTokens: 2,
      errorType: 'incomplete_generation_stream',
    });
    const { deltas, error } = await drainStream(generator.stream({ prompt: 'a b c d' }));
    expect(deltas).toHaveLength(2);
    const failure = expectMarkwerkError(error, 'STREAM_BROKEN');
    expect(failure.details).toMatchObject({
      retryable: true,
      errorType: 'incomplete_generation_stream',
    });
  });

  it('drops a non-streamed answer as STREAM_BROKEN too', async () => {
    server.script({ kind: 'drop', afterTokens: 0 });
    const error = await rejectionOf(generator.generate({ prompt: 'x' }));
    expect(['STREAM_BROKEN', 'ENDPOINT_UNAVAILABLE']).toContain((error as { code?: string }).code);
  });

  it('stops a slow stand-in stream at the timeout with GENERATION_TIMEOUT', async () => {
    server.setPacing({ firstTokenDelayMs: 0, tokenDelayMs: 1500 });
    try {
      const impatient = new TgiGenerator({ url: server.url, timeoutMs: 500 });
      const { deltas, error } = await drainStream(impatient.stream({ prompt: 'a b c' }));
      expect(deltas).toEqual(['A']);
      const failure = expectMarkwerkError(error, 'GENERATION_TIMEOUT');
      expect(failure.details).toMatchObject({ retryable: true, timeoutMs: 500 });
    } finally {
      server.setPacing({ tokenDelayMs: 0 });
    }
  });

  it('aborts a slow stand-in stream: INTERRUPTED, and the server sees it close', async () => {
    server.setPacing({ tokenDelayMs: 600 });
    try {
      const controller = new AbortController();
      const request = { prompt: 'a b c d', signal: controller.signal };
      const seen: string[] = [];
      const run = async () => {
        for await (const event of generator.stream(request)) {
          if (event.type === 'text-delta') seen.push(event.text);
          if (seen.length === 1) controller.abort();
        }
      };
      const failure = expectMarkwerkError(await rejectionOf(run()), 'INTERRUPTED');
      expect(failure.details.retryable).toBe(false);
      await server.settled();
      expect(server.requests.at(-1)).toMatchObject({ clientClosed: true, tokensSent: 1 });
    } finally {
      server.setPacing({ tokenDelayMs: 0 });
    }
  });

  it('keeps the api key out of error messages and details', async () => {
    const secured = await startStandInTgiServer({ apiKey: 'right-key' });
    try {
      const wrong = new TgiGenerator({ url: secured.url, apiKey: 'wrong-secret-key' });
      const failure = expectMarkwerkError(
        await rejectionOf(wrong.generate({ prompt: 'x' })),
        'GENERATION_FAILED',
      );
      expect(failure.details).toMatchObject({ status: 401, retryable: false });
      expect(failure.message).toContain('apiKey');
      expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toContain(
        'wrong-secret-key',
      );
    } finally {
      await secured.close();
    }
  });
});

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
