import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../core/logger.js';
import { OpenAiGenerator } from './openai-generator.js';
import { describeGeneratorContract } from './test-support/generator-suite.js';
import {
  drainStream,
  expectMarkwerkError,
  finishOf,
  rejectionOf,
} from './test-support/generation-events.js';
import {
  startStandInOpenAiServer,
  type StandInOpenAiServer,
} from './test-support/stand-in-openai-server.js';

let openai: StandInOpenAiServer;
let tgi: StandInOpenAiServer;
beforeAll(async () => {
  openai = await startStandInOpenAiServer({ apiKey: 'sk-stand-in-secret' });
  tgi = await startStandInOpenAiServer({ flavour: 'tgi', modelId: 'stand-in/tgi-chat' });
});
afterAll(async () => {
  await openai.close();
  await tgi.close();
});

describeGeneratorContract(
  'OpenAiGenerator on the stand-in OpenAI server',
  async () => new OpenAiGenerator({ url: openai.url, model: 'echo', apiKey: 'sk-stand-in-secret' }),
);
describeGeneratorContract(
  'OpenAiGenerator on the stand-in TGI messages API',
  async () => new OpenAiGenerator({ url: tgi.url, model: 'tgi', provider: 'tgi' }),
);

describe('OpenAiGenerator against the stand-in OpenAI server', () => {
  const generator = () =>
    new OpenAiGenerator({ url: openai.url, model: 'echo', apiKey: 'sk-stand-in-secret' });
  const lastBody = () => openai.requests.at(-1)?.body as Record<string, unknown>;

  it('sends the chat body with include_usage and takes usage from the usage chunk', async () => {
    const request = {
      messages: [{ role: 'user' as const, content: 'big summer sale' }],
      parameters: {
        temperature: 0.5,
        topP: 0.95,
        maxNewTokens: 2,
        frequencyPenalty: 0.2,
        seed: 9,
        stop: ['#'],
      },
    };
    const { events, deltas } = await drainStream(generator().stream(request));
    expect(lastBody()).toEqual({
      model: 'echo',
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.5,
      top_p: 0.95,
      max_tokens: 2,
      frequency_penalty: 0.2,
      seed: 9,
      stop: ['#'],
    });
    expect(deltas.join('')).toBe(finishOf(events).text);
    expect(finishOf(events)).toMatchObject({
      finishReason: 'length',
      usage: { inputTokens: 4, outputTokens: 2, source: 'server' },
      model: 'stand-in/openai-echo',
      provider: 'openai',
    });
    expect(openai.requests.at(-1)?.authorization).toBe('Bearer sk-stand-in-secret');
  });

  it('sends a plain prompt as one user message and the adapter as the model', async () => {
    await generator().generate({ prompt: 'hello there', adapter: 'brand-de' });
    expect(lastBody()).toMatchObject({
      model: 'brand-de',
      messages: [{ role: 'user', content: 'hello there' }],
      stream: false,
    });
  });

  it('estimates usage when the server sends no usage chunk', async () => {
    const quiet = new OpenAiGenerator({
      url: openai.url,
      model: 'echo',
      apiKey: 'sk-stand-in-secret',
      includeUsage: false,
    });
    const { events } = await drainStream(quiet.stream({ prompt: 'spring sale today' }));
    expect(lastBody()).not.toHaveProperty('stream_options');
    expect(finishOf(events).usage.source).toBe('estimate');
    expect(finishOf(events).usage.outputTokens).toBeGreaterThan(0);
  });

  it('refuses topK and repetitionPenalty unless samplingExtensions is on', async () => {
    const parameters = { topK: 20, repetitionPenalty: 1.2 };
    const { error } = await drainStream(generator().stream({ prompt: 'x', parameters }));
    expect(error).toMatchObject({ code: 'PARAMETERS_INVALID', details: { retryable: false } });
    const extended = new OpenAiGenerator({
      url: openai.url,
      model: 'echo',
      apiKey: 'sk-stand-in-secret',
      samplingExtensions: true,
    });
    await extended.generate({ prompt: 'x', parameters });
    expect(lastBody()).toMatchObject({ top_k: 20, repetition_penalty: 1.2 });
  });

  it('parses data: events split into 2-byte pieces, with keep-alive comments between', async () => {
    openai.setPacing({ fragmentBytes: 2, keepAliveComments: true });
    try {
      const { deltas } = await drainStream(generator().stream({ prompt: 'süß und grün' }));
      expect(deltas).toEqual(['SÜSS', ' UND', ' GRÜN']);
    } finally {
      openai.setPacing({ fragmentBytes: 0, keepAliveComments: false });
    }
  });

  it('maps 429 with Retry-After to RATE_LIMITED and 401 to a final GENERATION_FAILED', async () => {
    openai.script({
      kind: 'error',
      status: 429,
      retryAfter: '1.5',
      errorType: 'rate_limit_exceeded',
    });
    const limited = expectMarkwerkError(
      await rejectionOf(generator().generate({ prompt: 'x' })),
      'RATE_LIMITED',
    );
    expect(limited.details).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 1500,
      errorType: 'rate_limit_exceeded',
    });

    const anonymous = new OpenAiGenerator({
      url: openai.url,
      model: 'echo',
      apiKey: 'sk-wrong-secret',
    });
    const { error } = await drainStream(anonymous.stream({ prompt: 'x' }));
    const refused = expectMarkwerkError(error, 'GENERATION_FAILED');
    expect(refused.details).toMatchObject({ status: 401, retryable: false });
    expect(refused.message).toContain('Invalid API key');
    expect(JSON.stringify([refused.message, refused.details])).not.toContain('sk-wrong-secret');
  });

  it('maps an error event before text by its status, and after text to STREAM_BROKEN', async () => {
    openai.script({ kind: 'error', status: 503, delivery: 'event', message: 'engine restarting' });
    const early = await drainStream(generator().stream({ prompt: 'a b c' }));
    const unavailable = expectMarkwerkError(early.error, 'ENDPOINT_UNAVAILABLE');
    expect(unavailable.message).toContain('engine restarting');

    openai.script({ kind: 'stream-error', afterTokens: 1, message: 'CUDA out of memory' });
    const late = await drainStream(generator().stream({ prompt: 'a b c' }));
    expect(late.deltas).toEqual(['A']);
    const broken = expectMarkwerkError(late.error, 'STREAM_BROKEN');
    expect(broken.message).toContain('CUDA out of memory');
    expect(broken.details).toMatchObject({ status: 424, retryable: true });
  });

  it('turns a dropped or cut stream into STREAM_BROKEN with no finish event', async () => {
    for (const clean of [false, true]) {
      openai.script({ kind: 'drop', afterTokens: 2, clean });
      const { events, error } = await drainStream(generator().stream({ prompt: 'a b c d' }));
      expect(events.map((event) => event.type)).toEqual(['text-delta', 'text-delta']);
      expect(expectMarkwerkError(error, 'STREAM_BROKEN').details.retryable).toBe(true);
    }
  });

  it('never hands the api key to the logger', async () => {
    const lines: unknown[] = [];
    const record = (fields: Record<string, unknown>, message: string) =>
      void lines.push({ fields, message });
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    const logged = new OpenAiGenerator({
      url: openai.url,
      model: 'echo',
      apiKey: 'sk-stand-in-secret',
      logger,
    });
    await logged.generate({ prompt: 'x' });
    openai.script({ kind: 'error', status: 422 });
    await rejectionOf(logged.generate({ prompt: 'x' }));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain('sk-stand-in-secret');
  });
});

describe('OpenAiGenerator against the stand-in TGI messages API', () => {
  it('keeps TGI stop_sequence and the stop text, and reads the TGI error body', async () => {
    const generator = new OpenAiGenerator({ url: tgi.url, model: 'tgi', provider: 'tgi' });
    const parameters = { stop: [' TWO'] };
    const { events } = await drainStream(generator.stream({ prompt: 'one two three', parameters }));
    expect(finishOf(events)).toMatchObject({ text: 'ONE TWO', finishReason: 'stop_sequence' });

    const open = await generator.generate({ prompt: 'x', parameters: { topP: 1 } });
    expect(open.text).toBe('X');
    expect(tgi.requests.at(-1)?.body).not.toHaveProperty('top_p');

    tgi.script({ kind: 'error', status: 422, message: 'Input validation error: too long' });
    const refused = expectMarkwerkError(
      await rejectionOf(generator.generate({ prompt: 'x' })),
      'GENERATION_FAILED',
    );
    expect(refused.details).toMatchObject({
      status: 422,
      errorType: 'validation',
      provider: 'tgi',
    });
    expect(refused.message).toContain('Input validation error: too long');
  });
});
