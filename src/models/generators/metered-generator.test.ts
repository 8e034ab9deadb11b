import { describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import { countTokens } from '../../ingest/process/tokens.js';
import {
  meteredGenerator,
  type UsageAdmission,
  type UsageMeter,
  type UsageRecord,
} from './metered-generator.js';
import { readStream, scriptedErrors as errors } from './test-support/generator-errors.js';
import { type ScriptStep, ScriptedGenerator } from './test-support/scripted-generator.js';

class RecordingMeter implements UsageMeter {
  admitted: UsageAdmission[] = [];
  recorded: UsageRecord[] = [];
  constructor(private readonly refusal?: Error) {}
  admit(admission: UsageAdmission): Promise<void> {
    this.admitted.push(admission);
    return this.refusal ? Promise.reject(this.refusal) : Promise.resolve();
  }
  record(usage: UsageRecord): Promise<void> {
    this.recorded.push(usage);
    return Promise.resolve();
  }
}

/** A clock that moves 10 ms each time it is read. */
function tickingClock(): () => number {
  let time = 0;
  return () => (time += 10);
}

function setup(steps: ScriptStep[], meter = new RecordingMeter()) {
  const inner = new ScriptedGenerator(steps, { model: 'llama-3-8b', provider: 'tgi' });
  const generator = meteredGenerator(inner, {
    meter,
    defaults: { workspace: 'acme', useCase: 'draft' },
    now: tickingClock(),
  });
  return { inner, generator, meter };
}

describe('meteredGenerator', () => {
  it('records server-reported usage with latency and time to first token', async () => {
    const { generator, meter } = setup([
      {
        deltas: ['Hello', ' world'],
        usage: { inputTokens: 12, outputTokens: 3, source: 'server' },
      },
    ]);

    await readStream(generator.stream({ prompt: 'Say hello', tags: { useCase: 'brief' } }));

    expect(meter.recorded).toEqual([
      {
        workspace: 'acme',
        useCase: 'brief',
        provider: 'tgi',
        model: 'llama-3-8b',
        inputTokens: 12,
        outputTokens: 3,
        tokenSource: 'server',
        latencyMs: 20,
        timeToFirstTokenMs: 10,
        outcome: 'completed',
      },
    ]);
  });

  it('counts with the tokenizer callback when the server reports no usage', async () => {
    const meter = new RecordingMeter();
    const inner = new ScriptedGenerator([{ deltas: ['one two three'] }]);
    const generator = meteredGenerator(inner, {
      meter,
      countTokens: (text) => text.split(' ').length * 2,
    });

    await generator.generate({ messages: [{ role: 'user', content: 'a b' }] });

    expect(meter.recorded[0]).toMatchObject({
      inputTokens: 4,
      outputTokens: 6,
      tokenSource: 'tokenizer',
      workspace: 'default',
    });
  });

  it('falls back to the local estimate without server usage or tokenizer', async () => {
    const { generator, meter } = setup([{ deltas: ['Waschmaschinenreiniger!'] }]);

    await generator.generate({ prompt: 'Describe the product, please.' });

    expect(meter.recorded[0]).toMatchObject({
      inputTokens: countTokens('Describe the product, please.'),
      outputTokens: countTokens('Waschmaschinenreiniger!'),
      tokenSource: 'estimate',
    });
  });

  it('asks the meter first with the projected tokens, stopping on a refusal', async () => {
    const refusal = new MarkwerkError('BUDGET_EXCEEDED', 'over budget');
    const { generator, inner, meter } = setup([{ deltas: ['x'] }], new RecordingMeter(refusal));

    await expect(
      generator.generate({ prompt: 'four words are here', parameters: { maxNewTokens: 50 } }),
    ).rejects.toThrow('over budget');

    expect(inner.calls).toBe(0);
    expect(meter.admitted).toEqual([
      {
        workspace: 'acme',
        useCase: 'draft',
        provider: 'tgi',
        model: 'llama-3-8b',
        projectedInputTokens: 4,
        projectedOutputTokens: 50,
      },
    ]);
    expect(meter.recorded).toEqual([]);
  });

  it('records a stream broken after text as broken, and rethrows', async () => {
    const { generator, meter } = setup([{ deltas: ['partial text'], breakWith: errors.broken() }]);

    const read = await readStream(generator.stream({ prompt: 'hi' }));

    expect((read.error as MarkwerkError).code).toBe('STREAM_BROKEN');
    expect(meter.recorded).toEqual([
      expect.objectContaining({ outcome: 'broken', outputTokens: countTokens('partial text') }),
    ]);
  });

  it('records a stream the caller stopped reading as broken, once', async () => {
    const { generator, meter } = setup([{ deltas: ['first words', ' more words'] }]);

    for await (const event of generator.stream({ prompt: 'hi' })) {
      if (event.type === 'text-delta') break;
    }

    expect(meter.recorded).toEqual([
      expect.objectContaining({ outcome: 'broken', outputTokens: countTokens('first words') }),
    ]);
  });

  it('records nothing for a call that failed before any text', async () => {
    const { generator, meter } = setup([{ fail: errors.unavailable() }]);

    await expect(generator.generate({ prompt: 'hi' })).rejects.toThrow('connection refused');

    expect(meter.recorded).toEqual([]);
  });
});
