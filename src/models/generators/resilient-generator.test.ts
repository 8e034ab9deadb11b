import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import type { Generator } from './generator.js';
import { createEndpointRegistry, type ResilienceEvent } from './resilient-endpoints.js';
import { resilientGenerator } from './resilient-generator.js';
import { resilienceSettings } from './resilient-settings.js';
import { readStream, scriptedErrors as errors } from './test-support/generator-errors.js';
import { ScriptedGenerator } from './test-support/scripted-generator.js';

type SettingsInput = Parameters<typeof resilienceSettings>[0];

function setup(input: SettingsInput = {}) {
  const settings = resilienceSettings({
    timeoutMs: 10_000,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 60_000 },
    ...input,
  });
  const events: ResilienceEvent[] = [];
  const registry = createEndpointRegistry(settings, (event) => events.push(event));
  const wrap = (inner: Generator, endpoint = 'http://tgi-a:8080') =>
    resilientGenerator(inner, {
      endpoint,
      registry,
      settings,
      onEvent: (event) => events.push(event),
      random: () => 0.5,
    });
  return { wrap, events };
}

async function failure(promise: Promise<unknown>): Promise<MarkwerkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MarkwerkError);
  return error as MarkwerkError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('resilientGenerator retries', () => {
  it('retries retryable errors and returns the first complete result', async () => {
    const inner = new ScriptedGenerator([
      { fail: errors.unavailable() },
      { fail: errors.broken() },
      { deltas: ['Hel', 'lo'] },
    ]);
    const { wrap, events } = setup();

    const result = await wrap(inner).generate({ prompt: 'hi' });

    expect(result.text).toBe('Hello');
    expect(inner.calls).toBe(3);
    expect(events.filter((event) => event.type === 'retry-scheduled')).toHaveLength(2);
  });

  it('retries a model description that fails retryably, as requests ask for it first', async () => {
    const inner = new ScriptedGenerator([{ deltas: ['unused'] }]);
    const describe = inner.info.bind(inner);
    let asked = 0;
    inner.info = () => (++asked === 1 ? Promise.reject(errors.unavailable()) : describe());
    const { wrap } = setup();

    const info = await wrap(inner).info();

    expect(info.model).toBe((await describe()).model);
    expect(asked).toBe(2);
  });

  it('does not retry an error the adapter marked not retryable', async () => {
    const inner = new ScriptedGenerator([{ fail: errors.invalid() }, { deltas: ['never'] }]);
    const { wrap } = setup();

    const error = await failure(wrap(inner).generate({ prompt: 'hi' }));

    expect(error.code).toBe('PARAMETERS_INVALID');
    expect(inner.calls).toBe(1);
  });

  it('gives up after maxAttempts and surfaces the last error', async () => {
    const inner = new ScriptedGenerator([{ fail: errors.unavailable() }]);
    const { wrap } = setup({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });

    const error = await failure(wrap(inner).generate({ prompt: 'hi' }));

    expect(error.code).toBe('ENDPOINT_UNAVAILABLE');
    expect(inner.calls).toBe(2);
  });

  it.each([
    ['429 RATE_LIMITED', errors.rateLimited(5_000)],
    ['503 ENDPOINT_UNAVAILABLE', errors.overloaded(5_000)],
  ])('waits at least Retry-After before retrying a %s', async (_name, error) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const inner = new ScriptedGenerator([{ fail: error }, { deltas: ['ok'] }]);
    const { wrap, events } = setup();

    const pending = wrap(inner).generate({ prompt: 'hi' });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(inner.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);

    expect((await pending).text).toBe('ok');
    expect(inner.calls).toBe(2);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'retry-scheduled', delayMs: 5_000 }),
    );
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    const inner = new ScriptedGenerator([
      { fail: errors.rateLimited(120_000) },
      { deltas: ['ok'] },
    ]);
    const { wrap } = setup({ retry: { maxAttempts: 3, maxRetryAfterMs: 30_000 } });

    const error = await failure(wrap(inner).generate({ prompt: 'hi' }));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details.retryAfterMs).toBe(120_000);
    expect(inner.calls).toBe(1);
  });

  it('times out a hanging attempt with GENERATION_TIMEOUT and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const inner = new ScriptedGenerator([{ hang: true }, { deltas: ['late'] }]);
    const { wrap, events } = setup({ timeoutMs: 50 });

    const pending = wrap(inner).generate({ prompt: 'hi' });
    await vi.advanceTimersByTimeAsync(60);

    expect((await pending).text).toBe('late');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'retry-scheduled', code: 'GENERATION_TIMEOUT' }),
    );
  });
});

describe('resilientGenerator streams', () => {
  it('retries a stream that fails before its first delta', async () => {
    const inner = new ScriptedGenerator([{ fail: errors.unavailable() }, { deltas: ['a', 'b'] }]);
    const { wrap } = setup();

    const read = await readStream(wrap(inner).stream({ prompt: 'hi' }));

    expect(read).toEqual({ deltas: ['a', 'b'], finished: true });
    expect(inner.calls).toBe(2);
  });

  it('never retries after the first delta: the break surfaces as STREAM_BROKEN', async () => {
    const inner = new ScriptedGenerator([
      { deltas: ['par', 'tial'], breakWith: errors.unavailable() },
      { deltas: ['second', 'try'] },
    ]);
    const { wrap } = setup();

    const read = await readStream(wrap(inner).stream({ prompt: 'hi' }));

    expect(read.deltas).toEqual(['par', 'tial']);
    expect(read.finished).toBe(false);
    expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
    expect((read.error as MarkwerkError).details.afterFirstDelta).toBe(true);
    expect(inner.calls).toBe(1);
  });

  it('reports a stream that ends without its finish event as STREAM_BROKEN', async () => {
    const inner: Generator = {
      info: () => Promise.resolve({ provider: 'test', model: 'm' }),
      async *stream() {
        yield { type: 'text-delta', text: 'cut' };
      },
      generate: () => Promise.reject(new Error('unused')),
    };
    const { wrap } = setup();

    const read = await readStream(wrap(inner).stream({ prompt: 'hi' }));

    expect(read.deltas).toEqual(['cut']);
    expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
  });

  it('surfaces the caller abort without counting it against the endpoint', async () => {
    const inner = new ScriptedGenerator([{ hang: true }, { deltas: ['ok'] }]);
    const { wrap } = setup({ circuitBreaker: { consecutiveFailures: 1 } });
    const generator = wrap(inner);
    const controller = new AbortController();

    const pending = generator.generate({ prompt: 'hi', signal: controller.signal });
    await vi.waitFor(() => expect(inner.active).toBe(1));
    controller.abort(new Error('user cancelled'));

    const interrupted = await failure(pending);
    expect(interrupted.code).toBe('INTERRUPTED');
    expect(interrupted.cause).toEqual(new Error('user cancelled'));
    expect((await generator.generate({ prompt: 'again' })).text).toBe('ok');
  });
});

describe('resilientGenerator circuit breaker', () => {
  it('opens after consecutive failures, then fails fast naming when it tries again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2026-12-03T12:00:00Z'));
    const inner = new ScriptedGenerator([
      { fail: errors.unavailable() },
      { fail: errors.unavailable() },
      { deltas: ['back'] },
    ]);
    const { wrap, events } = setup({
      retry: { maxAttempts: 1 },
      circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 30_000 },
    });
    const generator = wrap(inner);

    await failure(generator.generate({ prompt: '1' }));
    await failure(generator.generate({ prompt: '2' }));
    const open = await failure(generator.generate({ prompt: '3' }));

    expect(open.code).toBe('ENDPOINT_UNAVAILABLE');
    expect(open.details.circuit).toBe('open');
    expect(open.message).toContain('2026-12-03T12:00:30.000Z');
    expect(inner.calls).toBe(2);

    await vi.advanceTimersByTimeAsync(30_000);
    expect((await generator.generate({ prompt: '4' })).text).toBe('back');
    expect(events.map((event) => event.type)).toEqual([
      'circuit-opened',
      'circuit-half-opened',
      'circuit-closed',
    ]);
  });

  it('opens again when the half-open test call fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const inner = new ScriptedGenerator([{ fail: errors.unavailable() }]);
    const { wrap } = setup({
      retry: { maxAttempts: 1 },
      circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 1_000 },
    });
    const generator = wrap(inner);

    await failure(generator.generate({ prompt: '1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await failure(generator.generate({ prompt: 'test' }))).details.circuit).toBeUndefined();
    expect((await failure(generator.generate({ prompt: '3' }))).details.circuit).toBe('open');
    expect(inner.calls).toBe(2);
  });

  it('does not count errors that say nothing about the endpoint', async () => {
    const inner = new ScriptedGenerator([
      { fail: errors.invalid() },
      { fail: errors.invalid() },
      { deltas: ['fine'] },
    ]);
    const { wrap } = setup({ circuitBreaker: { consecutiveFailures: 1 } });
    const generator = wrap(inner);

    await failure(generator.generate({ prompt: '1' }));
    await failure(generator.generate({ prompt: '2' }));

    expect((await generator.generate({ prompt: '3' })).text).toBe('fine');
  });

  it('is shared by generators that call the same endpoint, and only by them', async () => {
    const { wrap } = setup({
      retry: { maxAttempts: 1 },
      circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 },
    });
    const failing = wrap(new ScriptedGenerator([{ fail: errors.unavailable() }]), 'http://a');
    const sameEndpoint = new ScriptedGenerator([{ deltas: ['ok'] }]);
    const otherEndpoint = new ScriptedGenerator([{ deltas: ['ok'] }]);

    await failure(failing.generate({ prompt: '1' }));
    const blocked = await failure(wrap(sameEndpoint, 'http://a').generate({ prompt: '2' }));

    expect(blocked.details.circuit).toBe('open');
    expect(sameEndpoint.calls).toBe(0);
    expect((await wrap(otherEndpoint, 'http://b').generate({ prompt: '3' })).text).toBe('ok');
  });
});

describe('resilientGenerator bulkhead', () => {
  it('limits calls in flight per endpoint across generators, queueing the rest', async () => {
    let open!: () => void;
    const gateOpen = new Promise<void>((resolve) => (open = resolve));
    let active = 0;
    let maxActive = 0;
    const gate = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await gateOpen;
      active--;
    };
    const { wrap } = setup({ bulkhead: { maxConcurrent: 2, maxQueued: 10 } });
    const first = wrap(new ScriptedGenerator([{ deltas: ['x'] }], { gate }));
    const second = wrap(new ScriptedGenerator([{ deltas: ['y'] }], { gate }));

    const calls = [first, second, first, second, first].map((generator) =>
      generator.generate({ prompt: 'hi' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(active).toBe(2);
    open();

    expect((await Promise.all(calls)).map((result) => result.text)).toEqual([
      'x',
      'y',
      'x',
      'y',
      'x',
    ]);
    expect(maxActive).toBe(2);
  });

  it('rejects a call with RATE_LIMITED when the slots and the queue are full', async () => {
    let open!: () => void;
    const gateOpen = new Promise<void>((resolve) => (open = resolve));
    const inner = new ScriptedGenerator([{ deltas: ['x'] }], { gate: () => gateOpen });
    const { wrap } = setup({
      retry: { maxAttempts: 1 },
      bulkhead: { maxConcurrent: 1, maxQueued: 0 },
    });
    const generator = wrap(inner);

    const running = generator.generate({ prompt: '1' });
    const rejected = await failure(generator.generate({ prompt: '2' }));
    open();

    expect(rejected.code).toBe('RATE_LIMITED');
    expect(rejected.details.reason).toBe('bulkhead-full');
    expect((await running).text).toBe('x');
  });

  it('lets a queued caller abort at once, without ever taking a slot', async () => {
    let open!: () => void;
    const gateOpen = new Promise<void>((resolve) => (open = resolve));
    const inner = new ScriptedGenerator([{ deltas: ['x'] }], { gate: () => gateOpen });
    const { wrap } = setup({ bulkhead: { maxConcurrent: 1, maxQueued: 5 } });
    const generator = wrap(inner);
    const controller = new AbortController();

    const running = generator.generate({ prompt: '1' });
    const queued = generator.generate({ prompt: '2', signal: controller.signal });
    controller.abort(new Error('gave up waiting'));

    expect((await failure(queued)).cause).toEqual(new Error('gave up waiting'));
    open();
    await running;
    expect((await generator.generate({ prompt: '3' })).text).toBe('x');
    expect(inner.requests.map((request) => request.prompt)).toEqual(['1', '3']);
  });
});
