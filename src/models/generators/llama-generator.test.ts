import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MarkwerkError } from '../../core/errors.js';
import type { GenerationEvent, GenerationRequest } from './generator.js';
import { LlamaGenerator } from './llama-generator.js';
import { describeGeneratorContract } from './test-support/generator-suite.js';

const modelPath = fileURLToPath(
  new URL('../../../../shared/models/stories260K/stories260K.gguf', import.meta.url),
);
const libraryInstalled = await import('node-llama-cpp').then(
  () => true,
  () => false,
);
const runnable = existsSync(modelPath) && libraryInstalled;

const story = (parameters: GenerationRequest['parameters']): GenerationRequest => ({
  prompt: 'Once upon a time',
  parameters,
});

describe('LlamaGenerator without a usable install', () => {
  it('says how to install node-llama-cpp when the import fails', async () => {
    const generator = new LlamaGenerator({
      modelPath: fileURLToPath(import.meta.url),
      importLibrary: () => Promise.reject(new Error("Cannot find package 'node-llama-cpp'")),
    });

    const failure = await generator.generate(story({})).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MarkwerkError);
    expect((failure as MarkwerkError).code).toBe('GENERATION_FAILED');
    expect((failure as MarkwerkError).message).toContain('npm install node-llama-cpp@3.21.1');
  });

  it('names a missing model file as MODEL_NOT_FOUND', async () => {
    const generator = new LlamaGenerator({ modelPath: '/nonexistent/model.gguf' });

    await expect(generator.generate(story({}))).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
      details: { modelPath: '/nonexistent/model.gguf' },
    });
  });

  it('rejects bad options at construction, naming the key', () => {
    expect(() => new LlamaGenerator({ modelPath: 'x.gguf', threads: 0 })).toThrow(/threads/);
  });
});

describe.skipIf(!runnable)('LlamaGenerator on stories260K.gguf', () => {
  // One thread: the tiny model is fastest single-threaded and the test machine is shared.
  const generator = new LlamaGenerator({ modelPath, threads: 1, contextSize: 256 });
  afterAll(() => generator.close());

  it('writes the same story twice at temperature 0, deltas adding up', async () => {
    const deltas: string[] = [];
    let first: GenerationEvent | undefined;
    for await (const event of generator.stream(story({ temperature: 0, maxNewTokens: 24 }))) {
      if (event.type === 'text-delta') deltas.push(event.text);
      else first = event;
    }
    const second = await generator.generate(story({ temperature: 0, maxNewTokens: 24 }));

    expect(first?.type).toBe('finish');
    if (first?.type !== 'finish') return;
    expect(first.result.text).toMatch(/^, there was a little girl named Lily/);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(first.result.text);
    expect(second.text).toBe(first.result.text);
    expect(first.result).toMatchObject({ provider: 'llama', model: 'stories260K.gguf' });
  });

  it('stops at maxNewTokens and counts tokens with the model tokenizer', async () => {
    const result = await generator.generate(story({ temperature: 0, maxNewTokens: 7 }));

    expect(result.finishReason).toBe('length');
    expect(result.usage).toEqual({ inputTokens: 4, outputTokens: 7, source: 'tokenizer' });
  });

  it('ends exactly before a stop sequence, also one that splits tokens', async () => {
    const stopAt = (stop: string) =>
      generator.generate(story({ temperature: 0, maxNewTokens: 40, stop: [stop] }));

    const [whole, split] = [await stopAt('Lily'), await stopAt('irl na')];

    expect(whole.finishReason).toBe('stop_sequence');
    expect(whole.text).toBe(', there was a little girl named ');
    expect(split.finishReason).toBe('stop_sequence');
    expect(split.text).toBe(', there was a little g');
  });

  it('repeats a sampled story for the same seed and changes it for another', async () => {
    const sampled = (seed: number) =>
      generator.generate(story({ temperature: 1, topK: 40, topP: 0.95, seed, maxNewTokens: 30 }));

    const [a, b, c] = [await sampled(7), await sampled(7), await sampled(8)];

    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
  });

  it('applies a repetition penalty only when asked', async () => {
    const plain = await generator.generate(story({ temperature: 0, maxNewTokens: 60 }));
    const penalised = await generator.generate(
      story({ temperature: 0, maxNewTokens: 60, repetitionPenalty: 1.8 }),
    );

    expect(penalised.text).not.toBe(plain.text);
  });

  it('renders chat messages with the model chat wrapper', async () => {
    const result = await generator.generate({
      messages: [
        { role: 'system', content: 'Tell short stories.' },
        { role: 'user', content: 'A story about a cat' },
      ],
      parameters: { temperature: 0, maxNewTokens: 12 },
    });

    expect(result.text.length).toBeGreaterThan(0);
    // The wrapper's turn markup is counted, so the input is longer than the bare words.
    expect(result.usage.inputTokens).toBeGreaterThan(12);
    expect(result.usage.outputTokens).toBeLessThanOrEqual(12);
  });

  it('refuses a request that cannot fit the context', async () => {
    await expect(generator.generate(story({ maxNewTokens: 300 }))).rejects.toMatchObject({
      code: 'PARAMETERS_INVALID',
    });
  });

  it('stops on abort and on an early break, and serves the next request', async () => {
    const controller = new AbortController();
    const aborted = (async () => {
      for await (const event of generator.stream({
        ...story({ temperature: 0, maxNewTokens: 200 }),
        signal: controller.signal,
      })) {
        if (event.type === 'text-delta') controller.abort(new Error('caller gave up'));
      }
    })();
    await expect(aborted).rejects.toMatchObject({
      code: 'INTERRUPTED',
      cause: new Error('caller gave up'),
    });

    for await (const event of generator.stream(story({ temperature: 0, maxNewTokens: 200 }))) {
      if (event.type === 'text-delta') break;
    }

    const after = await generator.generate(story({ temperature: 0, maxNewTokens: 5 }));
    expect(after.usage.outputTokens).toBe(5);
  });
});

if (runnable) {
  describeGeneratorContract(
    'LlamaGenerator on stories260K.gguf',
    async () => new LlamaGenerator({ modelPath, threads: 1, contextSize: 256, sequences: 2 }),
  );
}
