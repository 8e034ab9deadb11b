import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeGeneratorContract } from './test-support/generator-suite.js';
import { drainStream, finishOf } from './test-support/generation-events.js';
import {
  startStandInTgiServer,
  type StandInTgiServer,
} from './test-support/stand-in-tgi-server.js';
import { TgiGenerator } from './tgi-generator.js';

let server: StandInTgiServer;
beforeAll(async () => {
  server = await startStandInTgiServer({ maxInputTokens: 300, maxTotalTokens: 512 });
});
afterAll(() => server.close());

const render = (messages: Array<{ role: string; content: string }>) =>
  messages.map((message) => `${message.role}: ${message.content}`).join('\n');

describeGeneratorContract(
  'TgiGenerator on the stand-in TGI server (chat route)',
  async () => new TgiGenerator({ url: server.url }),
);
describeGeneratorContract(
  'TgiGenerator on the stand-in TGI server (rendered chat)',
  async () => new TgiGenerator({ url: server.url, renderChat: render }),
);

describe('TgiGenerator against the stand-in TGI server', () => {
  afterEach(() => server.setPacing({ tokenDelayMs: 0, firstTokenDelayMs: 0, fragmentBytes: 0 }));
  const lastBody = () => server.requests.at(-1)?.body as Record<string, unknown>;

  it('reads model, revision and limits from /info once and caches them', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const before = server.requests.filter((request) => request.path === '/info').length;
    const [first, second] = [await generator.info(), await generator.info()];
    expect(first).toEqual({
      provider: 'tgi',
      model: 'stand-in/tgi-echo',
      revision: server.info.model_sha,
      limits: { maxInputTokens: 300, maxTotalTokens: 512, maxStopSequences: 4 },
    });
    expect(second).toBe(first);
    const after = server.requests.filter((request) => request.path === '/info').length;
    expect(after - before).toBe(1);
  });

  it('maps every sampling parameter to TGI names on /generate_stream', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const parameters = {
      temperature: 0.7,
      topP: 0.9,
      topK: 40,
      maxNewTokens: 5,
      repetitionPenalty: 1.1,
      frequencyPenalty: 0.5,
      stop: ['END'],
      seed: 3,
    };
    await drainStream(generator.stream({ prompt: 'a b c', parameters }));
    expect(server.requests.at(-1)?.path).toBe('/generate_stream');
    expect(lastBody()).toEqual({
      inputs: 'a b c',
      parameters: {
        details: true,
        temperature: 0.7,
        top_p: 0.9,
        top_k: 40,
        max_new_tokens: 5,
        repetition_penalty: 1.1,
        frequency_penalty: 0.5,
        stop: ['END'],
        seed: 3,
      },
    });
  });

  it('sends temperature 0 as greedy and leaves out top_p 1, which TGI refuses', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const result = await generator.generate({
      prompt: 'a b c',
      parameters: { temperature: 0, topP: 1, topK: 5 },
    });
    expect(lastBody()).toMatchObject({ parameters: { details: true, do_sample: false } });
    expect(Object.keys(lastBody().parameters as object)).toEqual(['details', 'do_sample']);
    expect(result.text).toBe('A B C');
  });

  it('passes adapter_id from the request, else the options (stand-in records it)', async () => {
    const generator = new TgiGenerator({ url: server.url, adapter: 'brand-de' });
    const own = finishOf((await drainStream(generator.stream({ prompt: 'x y' }))).events);
    expect(server.requests.at(-1)?.adapterId).toBe('brand-de');
    expect(own.adapter).toBe('brand-de');
    await generator.generate({ prompt: 'x y', adapter: 'brand-fr' });
    expect(server.requests.at(-1)?.adapterId).toBe('brand-fr');
    await generator.generate({ messages: [{ role: 'user', content: 'x y' }], adapter: 'brand-fr' });
    expect(server.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions',
      adapterId: 'brand-fr',
    });
  });

  it('sends chat messages to /v1/chat/completions as model "tgi" without a renderer', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const messages = [{ role: 'user' as const, content: 'summer deals' }];
    const result = finishOf((await drainStream(generator.stream({ messages }))).events);
    expect(lastBody()).toMatchObject({ model: 'tgi', stream: true, messages });
    expect(lastBody()).toMatchObject({ stream_options: { include_usage: true } });
    expect(result).toMatchObject({ text: 'SUMMER DEALS', provider: 'tgi', finishReason: 'stop' });
    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: 3, source: 'server' });
  });

  it('refuses topK on the chat route, and leaves it out of a best-effort request', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const messages = [{ role: 'user' as const, content: 'x' }];
    const parameters = { topK: 5, temperature: 0.3 };
    const { error } = await drainStream(generator.stream({ messages, parameters }));
    expect(error).toMatchObject({ code: 'PARAMETERS_INVALID', details: { parameters: ['topK'] } });

    const read = await drainStream(
      generator.stream({ messages, parameters, bestEffortParameters: true }),
    );
    expect(read.error).toBeUndefined();
    const body = server.requests.at(-1)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ temperature: 0.3 });
    expect(body).not.toHaveProperty('top_k');
  });

  it('takes usage from the stream details and from /generate headers', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const request = { prompt: 'one two three four', parameters: { maxNewTokens: 2 } };
    const streamed = finishOf((await drainStream(generator.stream(request))).events);
    expect(streamed.usage).toEqual({ inputTokens: 4, outputTokens: 2, source: 'server' });
    expect(streamed.finishReason).toBe('length');
    const generated = await generator.generate(request);
    expect(generated.usage).toEqual({ inputTokens: 4, outputTokens: 2, source: 'server' });
  });

  it('estimates input tokens when /generate has no header and an empty prefill', async () => {
    server.script({
      kind: 'raw',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        generated_text: ' five six',
        details: { finish_reason: 'length', generated_tokens: 2, prefill: [], tokens: [] },
      }),
    });
    const generator = new TgiGenerator({ url: server.url });

    const result = await generator.generate({ prompt: 'one two three four' });

    expect(result.usage.source).toBe('estimate');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
  });

  it('skips the special end-of-sequence token and counts it as TGI does', async () => {
    const generator = new TgiGenerator({ url: server.url });
    const { events, deltas } = await drainStream(generator.stream({ prompt: 'new arrivals' }));
    expect(deltas).toEqual(['NEW', ' ARRIVALS']);
    expect(finishOf(events)).toMatchObject({ finishReason: 'stop', usage: { outputTokens: 3 } });
  });

  it('parses events cut into 3-byte pieces, with characters split across pieces', async () => {
    const generator = new TgiGenerator({ url: server.url });
    server.setPacing({ fragmentBytes: 3, keepAliveComments: true });
    const prompt = 'grüße für dich 🌷 straße';
    const { events, deltas } = await drainStream(generator.stream({ prompt }));
    expect(deltas).toEqual(['GRÜSSE', ' FÜR', ' DICH', ' 🌷', ' STRASSE']);
    expect(finishOf(events).text).toBe('GRÜSSE FÜR DICH 🌷 STRASSE');
  });

  it('measures time to first token on slow stand-in tokens', async () => {
    const generator = new TgiGenerator({ url: server.url });
    server.setPacing({ firstTokenDelayMs: 60, tokenDelayMs: 15 });
    const { events } = await drainStream(generator.stream({ prompt: 'a b c d e' }));
    const { timings } = finishOf(events);
    // Lower bounds only: the client cannot see a token before the server sends it.
    expect(timings.timeToFirstTokenMs).toBeGreaterThanOrEqual(55);
    expect(timings.totalMs - timings.timeToFirstTokenMs).toBeGreaterThanOrEqual(4 * 15 - 5);
  });

  it('sends the api key as a bearer token', async () => {
    const secured = await startStandInTgiServer({ apiKey: 'tgi-secret' });
    try {
      const generator = new TgiGenerator({ url: secured.url, apiKey: 'tgi-secret' });
      expect((await generator.generate({ prompt: 'ok' })).text).toBe('OK');
      expect(secured.requests.at(-1)?.authorization).toBe('Bearer tgi-secret');
    } finally {
      await secured.close();
    }
  });
});
