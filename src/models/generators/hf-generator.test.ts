import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import type { GenerationRequest } from './generator.js';
import { HfInferenceGenerator, type HfInferenceGeneratorOptions } from './hf-generator.js';
import { readStream } from './test-support/generator-errors.js';
import { describeGeneratorContract } from './test-support/generator-suite.js';
import {
  startStandInOpenAiServer,
  type StandInOpenAiServer,
} from './test-support/stand-in-openai-server.js';

const ask = (content: string, parameters: GenerationRequest['parameters'] = {}) => ({
  messages: [{ role: 'user' as const, content }],
  parameters,
});

async function failureOf(promise: Promise<unknown>): Promise<MarkwerkError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(MarkwerkError);
  return error as MarkwerkError;
}

/** A fetch that records every URL before passing the request on. */
function recordingFetch(urls: string[], rewrite: (url: string) => string = (url) => url) {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    return fetch(rewrite(url), init);
  }) as typeof fetch;
}

describe('HfInferenceGenerator on an Inference Endpoint (stand-in TGI messages API)', () => {
  let server: StandInOpenAiServer;
  const urls: string[] = [];
  let generator: HfInferenceGenerator;
  const make = (options: Partial<HfInferenceGeneratorOptions> = {}) =>
    new HfInferenceGenerator({
      endpointUrl: server.url,
      env: { HF_TOKEN: 'hf_stand_in_secret' },
      fetch: recordingFetch(urls),
      ...options,
    });

  beforeAll(async () => {
    server = await startStandInOpenAiServer({ flavour: 'tgi', modelId: 'stand-in/tgi-model' });
    generator = make();
  });
  afterEach(() => void (urls.length = 0));
  afterAll(() => server.close());

  it('streams deltas adding up to the text, with usage and the HF_TOKEN token', async () => {
    const { deltas, finished } = await readStream(generator.stream(ask('fresh alpine cheese')));
    const result = await generator.generate(ask('fresh alpine cheese'));

    expect(finished).toBe(true);
    expect(deltas).toEqual(['FRESH', ' ALPINE', ' CHEESE']);
    expect(result).toMatchObject({
      text: 'FRESH ALPINE CHEESE',
      finishReason: 'stop',
      model: 'stand-in/tgi-model',
      provider: 'hf',
      usage: { outputTokens: 4, source: 'server' },
    });
    const last = server.requests.at(-1);
    expect(last).toMatchObject({
      path: '/v1/chat/completions',
      authorization: 'Bearer hf_stand_in_secret',
      body: { model: 'tgi', stream: true, max_tokens: 512 },
    });
    expect(urls.every((url) => url.startsWith(`${server.url}/`))).toBe(true);
  });

  it('passes sampling parameters and stops at maxNewTokens', async () => {
    const result = await generator.generate(
      ask('one two three four', { maxNewTokens: 2, temperature: 0.5, topP: 0.9, seed: 1 }),
    );

    expect(result.text).toBe('TWO THREE');
    expect(result.finishReason).toBe('length');
    expect(server.requests.at(-1)?.body).toMatchObject({
      max_tokens: 2,
      temperature: 0.5,
      top_p: 0.9,
      seed: 1,
    });
  });

  it('cuts the text before a stop sequence, though TGI keeps it', async () => {
    const result = await generator.generate(ask('red green blue', { stop: [' BLUE'] }));

    expect(result).toMatchObject({ text: 'RED GREEN', finishReason: 'stop_sequence' });
  });

  it('sends a LoRA adapter as the model field and reports it', async () => {
    const result = await generator.generate({ ...ask('hello'), adapter: 'brand-voice' });

    expect(server.requests.at(-1)).toMatchObject({ adapterId: 'brand-voice' });
    expect(result.adapter).toBe('brand-voice');
  });

  it('maps 429 to RATE_LIMITED with Retry-After', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: '3' });

    const failure = await failureOf(generator.generate(ask('hello')));

    expect(failure.code).toBe('RATE_LIMITED');
    expect(failure.details).toMatchObject({
      provider: 'hf',
      url: `${server.url}/v1/chat/completions`,
      status: 429,
      retryable: true,
      retryAfterMs: 3000,
    });
  });

  it('reads the status of an error event sent before any text on a 200 stream', async () => {
    // TGI's chat stream reports such errors as {"error":{"message","http_status_code":422}}.
    server.script({ kind: 'error', status: 429, delivery: 'event' });

    const failure = await failureOf(generator.generate(ask('hello')));

    expect(failure.code).toBe('GENERATION_FAILED');
    expect(failure.message).toContain('Model is overloaded');
    expect(failure.details).toMatchObject({ status: 422, retryable: false });
  });

  it('maps 503 to ENDPOINT_UNAVAILABLE without the client retrying on its own', async () => {
    const before = server.requests.length;
    server.script({ kind: 'error', status: 503, retryAfter: '1' });

    const failure = await failureOf(generator.generate(ask('hello')));

    expect(failure.code).toBe('ENDPOINT_UNAVAILABLE');
    expect(failure.details).toMatchObject({ status: 503, retryable: true, retryAfterMs: 1000 });
    expect(server.requests.length - before).toBe(1);
  });

  it('maps a 422 validation answer to a GENERATION_FAILED that is not retryable', async () => {
    const failure = await failureOf(generator.generate(ask('hello', { topP: 1 })));

    expect(failure.code).toBe('GENERATION_FAILED');
    expect(failure.message).toContain('top_p');
    expect(failure.details).toMatchObject({ provider: 'hf', status: 422, retryable: false });
  });

  it('reports STREAM_BROKEN when the stream drops, ends early or errors part-way', async () => {
    server.setPacing({ tokenDelayMs: 20 });
    server.script(
      { kind: 'drop', afterTokens: 2 },
      { kind: 'drop', afterTokens: 1, clean: true },
      { kind: 'stream-error', afterTokens: 1 },
    );
    try {
      const outcomes = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        outcomes.push(await readStream(generator.stream(ask('a b c d'))));
      }

      // The token written just before a socket is destroyed may or may not arrive.
      expect(outcomes[0]?.deltas[0]).toBe('A');
      expect(outcomes.slice(1).map((outcome) => outcome.deltas)).toEqual([['A'], ['A']]);
      for (const { finished, error } of outcomes) {
        expect(finished).toBe(false);
        expect(error).toMatchObject({ code: 'STREAM_BROKEN' });
      }
      // Drops may succeed on a retry; the error event names status 422, which would not.
      const retryable = outcomes.map(({ error }) => (error as MarkwerkError).details.retryable);
      expect(retryable).toEqual([true, true, false]);
    } finally {
      server.setPacing({ tokenDelayMs: 0 });
    }
  });

  it('maps a connection dropped before any answer to ENDPOINT_UNAVAILABLE', async () => {
    server.script({ kind: 'drop', afterTokens: 0 });

    const failure = await failureOf(generator.generate(ask('a b')));

    expect(failure.code).toBe('ENDPOINT_UNAVAILABLE');
    expect(failure.details).toMatchObject({ retryable: true });
  });

  it('refuses parameters the chat API cannot carry, before any request', async () => {
    const before = server.requests.length;

    const failure = await failureOf(generator.generate(ask('x', { topK: 5 })));

    expect(failure.code).toBe('PARAMETERS_INVALID');
    expect(server.requests.length).toBe(before);
  });

  it('never puts the token in an error', async () => {
    const guarded = await startStandInOpenAiServer({ flavour: 'tgi', apiKey: 'right-key' });
    try {
      const wrong = make({ endpointUrl: guarded.url, accessToken: 'hf_wrong_secret_token' });
      const failure = await failureOf(wrong.generate(ask('hello')));

      expect(failure.code).toBe('GENERATION_FAILED');
      expect(failure.details).toMatchObject({ status: 401, retryable: false });
      expect(failure.cause).toBeUndefined();
      expect(`${failure.message} ${JSON.stringify(failure.details)}`).not.toContain('secret');
    } finally {
      await guarded.close();
    }
  });

  it('fails with GENERATION_TIMEOUT, and with the caller reason on abort', async () => {
    server.setPacing({ firstTokenDelayMs: 300 });
    try {
      const slow = make({ timeoutMs: 50 });
      const timedOut = await failureOf(slow.generate(ask('hello')));
      const controller = new AbortController();
      const pending = generator.generate({ ...ask('hello'), signal: controller.signal });
      controller.abort(new Error('caller left'));

      expect(timedOut.code).toBe('GENERATION_TIMEOUT');
      await expect(pending).rejects.toMatchObject({
        code: 'INTERRUPTED',
        details: { retryable: false },
      });
    } finally {
      server.setPacing({ firstTokenDelayMs: 0 });
      await server.settled();
    }
  });

  it('maps an unreachable endpoint to ENDPOINT_UNAVAILABLE', async () => {
    const gone = await startStandInOpenAiServer();
    await gone.close();

    const failure = await failureOf(make({ endpointUrl: gone.url }).generate(ask('hello')));

    expect(failure.code).toBe('ENDPOINT_UNAVAILABLE');
    expect(failure.details).toMatchObject({ retryable: true });
  });
});

describe('HfInferenceGenerator on Inference Providers (stand-in OpenAI server)', () => {
  let server: StandInOpenAiServer;
  const urls: string[] = [];
  const hubAnswers: string[] = [];
  // Provider routes go to the stand-in; the Hub's provider-mapping lookup is answered here.
  const routed = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    if (url.startsWith('https://huggingface.co/api/models/')) {
      hubAnswers.push(url);
      const mapping = {
        together: { providerId: 'stand-in/together-id', status: 'live', task: 'conversational' },
      };
      return Response.json({ inferenceProviderMapping: mapping });
    }
    const local = url.replace(/^https:\/\/router\.huggingface\.co(\/together)?/, server.url);
    return fetch(local, init);
  }) as typeof fetch;

  beforeAll(async () => {
    server = await startStandInOpenAiServer({ modelId: 'stand-in/provider-model' });
  });
  afterEach(() => void (urls.length = 0));
  afterAll(() => server.close());

  it('uses the router with the Hub model id when the provider is auto', async () => {
    const generator = new HfInferenceGenerator({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      accessToken: 'hf_provider_token',
      fetch: routed,
    });

    const result = await generator.generate(ask('bright summer sale'));

    expect(result).toMatchObject({ text: 'BRIGHT SUMMER SALE', finishReason: 'stop' });
    expect(urls).toEqual(['https://router.huggingface.co/v1/chat/completions']);
    expect(server.requests.at(-1)?.body).toMatchObject({ model: 'Qwen/Qwen2.5-7B-Instruct' });
  });

  it("looks up a provider's model id on the Hub, then calls its route", async () => {
    const generator = new HfInferenceGenerator({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      inferenceProvider: 'together',
      accessToken: 'hf_provider_token',
      fetch: routed,
    });

    await generator.generate(ask('hello'));

    expect(urls).toEqual([
      expect.stringMatching(/^https:\/\/huggingface\.co\/api\/models\/meta-llama\/Llama-3\.1/),
      'https://router.huggingface.co/together/v1/chat/completions',
    ]);
    expect(server.requests.at(-1)?.body).toMatchObject({ model: 'stand-in/together-id' });
  });

  it('refuses to start without a token, or with both an endpoint and a provider', () => {
    expect(() => new HfInferenceGenerator({ model: 'org/model', env: {} })).toThrow(/HF_TOKEN/);
    expect(() => new HfInferenceGenerator({ env: {} })).toThrow(/set endpointUrl .* or model/);
    expect(
      () =>
        new HfInferenceGenerator({
          endpointUrl: 'http://127.0.0.1:1',
          inferenceProvider: 'together',
        }),
    ).toThrow(/inferenceProvider/);
  });
});

let contractServer: StandInOpenAiServer | undefined;
afterAll(() => contractServer?.close());
describeGeneratorContract('HfInferenceGenerator (stand-in TGI messages API)', async () => {
  contractServer = await startStandInOpenAiServer({ flavour: 'tgi' });
  return new HfInferenceGenerator({ endpointUrl: contractServer.url, env: {} });
});
