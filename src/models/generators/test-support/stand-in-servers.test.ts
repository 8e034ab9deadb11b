import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInOpenAiServer, type StandInOpenAiServer } from './stand-in-openai-server.js';
import { startStandInTgiServer, type StandInTgiServer } from './stand-in-tgi-server.js';

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('stand-in TGI server', () => {
  let server: StandInTgiServer;
  beforeAll(async () => {
    server = await startStandInTgiServer({ maxInputTokens: 8, adapters: ['brand-de'] });
  });
  afterAll(() => server.close());

  it('streams data: events without a space and ends with generated_text and details', async () => {
    const body = {
      inputs: 'spring sale now',
      parameters: { details: true, adapter_id: 'brand-de' },
    };
    const text = await (await post(`${server.url}/generate_stream`, body)).text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data:{'))).toBe(true);
    const last = JSON.parse(events.at(-1)!.slice(5));
    expect(last.generated_text).toBe('SPRING SALE NOW');
    expect(last.token.special).toBe(true);
    expect(last.details).toEqual({
      finish_reason: 'eos_token',
      generated_tokens: 4,
      seed: null,
      input_length: 3,
    });
    expect(text).not.toContain('[DONE]');
    expect(server.requests.at(-1)?.adapterId).toBe('brand-de');
  });

  it('answers validation failures as 422 on /generate and as an event on the stream', async () => {
    const body = { inputs: 'one two three four five six seven eight nine' };
    const plain = await post(`${server.url}/generate`, body);
    expect(plain.status).toBe(422);
    expect(await plain.json()).toMatchObject({ error_type: 'validation' });
    const streamed = await post(`${server.url}/generate_stream`, body);
    expect(streamed.status).toBe(200);
    expect(await streamed.text()).toMatch(/^data:\{"error":"Input validation error: .*tokens/);
  });

  it('answers a scripted 429 with Retry-After and the overloaded error type', async () => {
    server.script({ kind: 'error', status: 429, retryAfter: '3' });
    const response = await post(`${server.url}/generate`, { inputs: 'hello' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({
      error: 'Model is overloaded',
      error_type: 'overloaded',
    });
  });
});

describe('stand-in OpenAI server', () => {
  let server: StandInOpenAiServer;
  beforeAll(async () => {
    server = await startStandInOpenAiServer({ apiKey: 'sk-stand-in' });
  });
  afterAll(() => server.close());

  it('streams data: chunks, a usage chunk with no choices, then [DONE]', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-stand-in' },
      body: JSON.stringify({
        model: 'any',
        messages: [{ role: 'user', content: 'free shipping' }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice(6)));
    const content = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe('FREE SHIPPING');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 3 },
    });
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop');
  });

  it('refuses a missing key with 401 and an OpenAI-style error body', async () => {
    const response = await post(`${server.url}/v1/chat/completions`, { messages: [] });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: 'Invalid API key' } });
  });
});
