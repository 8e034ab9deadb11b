import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MarkwerkError } from '../../core/errors.js';
import { fallbackGenerator } from './fallback-generator.js';
import { createEndpointRegistry, type ResilienceEvent } from './resilient-endpoints.js';
import { resilientGenerator } from './resilient-generator.js';
import { resilienceSettings } from './resilient-settings.js';
import { readStream } from './test-support/generator-errors.js';
import {
  startStandInTgiServer,
  type StandInTgiServer,
} from './test-support/stand-in-tgi-server.js';
import { TgiGenerator } from './tgi-generator.js';

let primary: StandInTgiServer;
let secondary: StandInTgiServer;
beforeAll(async () => {
  primary = await startStandInTgiServer({ modelId: 'stand-in/primary' });
  secondary = await startStandInTgiServer({ modelId: 'stand-in/secondary' });
});
afterAll(async () => {
  await primary.close();
  await secondary.close();
});
beforeEach(() => {
  primary.requests.length = 0;
  secondary.requests.length = 0;
});

const generations = (server: StandInTgiServer) =>
  server.requests.filter((request) => request.path.startsWith('/generate')).length;

function setup(input: Parameters<typeof resilienceSettings>[0] = {}) {
  const settings = resilienceSettings({
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...input,
  });
  const events: ResilienceEvent[] = [];
  const registry = createEndpointRegistry(settings, (event) => events.push(event));
  const wrap = (server: StandInTgiServer) =>
    resilientGenerator(new TgiGenerator({ url: server.url }), {
      endpoint: server.url,
      registry,
      settings,
      onEvent: (event) => events.push(event),
    });
  return { wrap, events };
}

describe('resilientGenerator over TgiGenerator against the stand-in TGI server', () => {
  it('waits out a 429 Retry-After, then answers', async () => {
    primary.script({ kind: 'error', status: 429, retryAfter: '1', delivery: 'http' });
    const { wrap, events } = setup();

    const read = await readStream(wrap(primary).stream({ prompt: 'winter sale' }));

    expect(read.finished).toBe(true);
    expect(read.deltas.join('')).toContain('WINTER');
    expect(generations(primary)).toBe(2);
    const retry = events.find((event) => event.type === 'retry-scheduled');
    expect(retry).toMatchObject({ code: 'RATE_LIMITED' });
    expect(retry && 'delayMs' in retry ? retry.delayMs : 0).toBeGreaterThanOrEqual(1_000);
  });

  it('retries a connection dropped before the first token', async () => {
    primary.script({ kind: 'drop', afterTokens: 0 });
    const { wrap } = setup();

    const read = await readStream(wrap(primary).stream({ prompt: 'winter sale' }));

    expect(read.finished).toBe(true);
    expect(generations(primary)).toBe(2);
  });

  it('does not retry a connection dropped after two tokens', async () => {
    primary.script({ kind: 'drop', afterTokens: 2 });
    const { wrap } = setup();

    const read = await readStream(wrap(primary).stream({ prompt: 'one two three four' }));

    expect(read.deltas).toHaveLength(2);
    expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
    expect(generations(primary)).toBe(1);
  });

  it('cuts off a stream that stalls between tokens and closes the connection', async () => {
    primary.setPacing({ tokenDelayMs: 400 });
    const { wrap } = setup({ idleTimeoutMs: 100 });

    try {
      const read = await readStream(wrap(primary).stream({ prompt: 'one two three' }));
      await primary.settled();

      expect(read.deltas).toHaveLength(1);
      expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
      expect((read.error as MarkwerkError).details).toMatchObject({ reason: 'idle-timeout' });
      expect((read.error as MarkwerkError).message).toMatch(/no token for 100 ms/);
      expect(primary.requests.at(-1)?.clientClosed).toBe(true);
    } finally {
      primary.setPacing({ tokenDelayMs: 0 });
    }
  });

  it('opens the circuit on repeated 503s and falls back to the next server', async () => {
    primary.script(
      { kind: 'error', status: 503, delivery: 'http' },
      { kind: 'error', status: 503, delivery: 'http' },
    );
    const { wrap, events } = setup({
      retry: { maxAttempts: 1 },
      circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
    });
    const generator = fallbackGenerator([wrap(primary), wrap(secondary)]);

    const answers = [];
    for (const prompt of ['a', 'b', 'c']) answers.push(await generator.generate({ prompt }));

    expect(answers.map((answer) => answer.model)).toEqual([
      'stand-in/secondary',
      'stand-in/secondary',
      'stand-in/secondary',
    ]);
    expect(generations(primary)).toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'circuit-opened', endpoint: primary.url }),
    );
  });
});
