import { describe, expect, it } from 'vitest';
import type { MarkwerkError } from '../../core/errors.js';
import { fallbackGenerator } from './fallback-generator.js';
import type { GenerationEvent } from './generator.js';
import { createEndpointRegistry, type ResilienceEvent } from './resilient-endpoints.js';
import { resilientGenerator } from './resilient-generator.js';
import { resilienceSettings } from './resilient-settings.js';
import { readStream, scriptedErrors as errors } from './test-support/generator-errors.js';
import { ScriptedGenerator } from './test-support/scripted-generator.js';

function chain(primary: ScriptedGenerator, secondary: ScriptedGenerator) {
  const events: ResilienceEvent[] = [];
  const generator = fallbackGenerator([primary, secondary], {
    names: ['big-model', 'small-model'],
    onEvent: (event) => events.push(event),
  });
  return { generator, events };
}

async function* recorded(events: AsyncIterable<GenerationEvent>, seen: GenerationEvent[]) {
  for await (const event of events) {
    seen.push(event);
    yield event;
  }
}

describe('fallbackGenerator', () => {
  it('asks the next model when one is unavailable', async () => {
    const primary = new ScriptedGenerator([{ fail: errors.unavailable() }]);
    const secondary = new ScriptedGenerator([{ deltas: ['from ', 'secondary'] }]);
    const { generator, events } = chain(primary, secondary);

    const seen: GenerationEvent[] = [];
    const read = await readStream(recorded(generator.stream({ prompt: 'hi' }), seen));

    expect(read).toEqual({ deltas: ['from ', 'secondary'], finished: true });
    expect(events).toEqual([
      { type: 'fallback-used', from: 'big-model', to: 'small-model', code: 'ENDPOINT_UNAVAILABLE' },
    ]);
    const finish = seen.find((event) => event.type === 'finish');
    expect(finish?.type === 'finish' && finish.result.fallbackFrom).toEqual(['big-model']);
  });

  it('asks the next model when the first one is rate limited (generate)', async () => {
    const primary = new ScriptedGenerator([{ fail: errors.rateLimited(90_000) }]);
    const secondary = new ScriptedGenerator([{ deltas: ['ok'] }]);

    const result = await chain(primary, secondary).generator.generate({ prompt: 'hi' });

    expect(result.text).toBe('ok');
  });

  it('does not fall back on an error the next model would repeat', async () => {
    const primary = new ScriptedGenerator([{ fail: errors.invalid() }]);
    const secondary = new ScriptedGenerator([{ deltas: ['ok'] }]);

    await expect(chain(primary, secondary).generator.generate({ prompt: 'hi' })).rejects.toThrow(
      'temperature must be positive',
    );
    expect(secondary.calls).toBe(0);
  });

  it('does not fall back once text has been yielded', async () => {
    const primary = new ScriptedGenerator([{ deltas: ['half'], breakWith: errors.broken() }]);
    const secondary = new ScriptedGenerator([{ deltas: ['ok'] }]);

    const read = await readStream(chain(primary, secondary).generator.stream({ prompt: 'hi' }));

    expect(read.deltas).toEqual(['half']);
    expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
    expect(secondary.calls).toBe(0);
  });

  it('skips a model whose circuit is open without calling it', async () => {
    const settings = resilienceSettings({
      retry: { maxAttempts: 1 },
      circuitBreaker: { consecutiveFailures: 1, halfOpenAfterMs: 60_000 },
    });
    const registry = createEndpointRegistry(settings);
    const primary = new ScriptedGenerator([{ fail: errors.unavailable() }, { deltas: ['x'] }]);
    const secondary = new ScriptedGenerator([{ deltas: ['ok'] }]);
    const generator = fallbackGenerator([
      resilientGenerator(primary, { endpoint: 'http://a', registry, settings }),
      resilientGenerator(secondary, { endpoint: 'http://b', registry, settings }),
    ]);

    expect((await generator.generate({ prompt: '1' })).text).toBe('ok');
    expect((await generator.generate({ prompt: '2' })).text).toBe('ok');
    expect(primary.calls).toBe(1);
    expect(secondary.calls).toBe(2);
  });

  it('names every failure when the whole chain fails, keeping the last code', async () => {
    const primary = new ScriptedGenerator([{ fail: errors.unavailable() }]);
    const secondary = new ScriptedGenerator([{ fail: errors.rateLimited(1_000) }]);

    const error = (await chain(primary, secondary)
      .generator.generate({ prompt: 'hi' })
      .catch((caught: unknown) => caught)) as MarkwerkError;

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('big-model: ENDPOINT_UNAVAILABLE');
    expect(error.message).toContain('small-model: RATE_LIMITED');
    expect(error.details.retryAfterMs).toBe(1_000);
  });

  it('describes the first model whose server answers', async () => {
    const down = new ScriptedGenerator([{ deltas: ['x'] }], { model: 'big-model' });
    down.info = () => Promise.reject(errors.unavailable());
    const up = new ScriptedGenerator([{ deltas: ['x'] }], { model: 'small-model' });

    expect((await fallbackGenerator([down, up]).info()).model).toBe('small-model');
  });
});
