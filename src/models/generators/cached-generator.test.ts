import { describe, expect, it } from 'vitest';
import { cachedGenerator, type GenerationResultCache } from './cached-generator.js';
import type { GenerationResult } from './generator.js';
import { scriptedErrors as errors } from './test-support/generator-errors.js';
import { ScriptedGenerator } from './test-support/scripted-generator.js';

function memoryCache(): GenerationResultCache & { entries: Map<string, GenerationResult> } {
  const entries = new Map<string, GenerationResult>();
  return {
    entries,
    lookup: (key, version) => Promise.resolve(entries.get(`${version}/${key}`)),
    store: ({ key, datasetVersion, result }) => {
      entries.set(`${datasetVersion}/${key}`, result);
      return Promise.resolve();
    },
  };
}

describe('cachedGenerator', () => {
  it('marks a replayed result and keeps the stored one unmarked', async () => {
    const inner = new ScriptedGenerator([{ deltas: ['Hel', 'lo'] }]);
    const cache = memoryCache();
    const generator = cachedGenerator(inner, { cache });

    const first = await generator.generate({ prompt: 'hi' });
    const replayed: GenerationResult[] = [];
    for await (const event of generator.stream({ prompt: 'hi' })) {
      if (event.type === 'finish') replayed.push(event.result);
    }

    expect(first.replayedFromCache).toBeUndefined();
    expect(replayed.map((result) => [result.text, result.replayedFromCache])).toEqual([
      ['Hello', true],
    ]);
    expect([...cache.entries.values()].map((result) => result.replayedFromCache)).toEqual([
      undefined,
    ]);
    expect(inner.calls).toBe(1);
  });

  it('does not store a result that finished with an error', async () => {
    const inner = new ScriptedGenerator([{ deltas: ['x'] }]);
    const generate = inner.generate.bind(inner);
    inner.generate = async (request) => ({ ...(await generate(request)), finishReason: 'error' });
    const cache = memoryCache();

    await cachedGenerator(inner, { cache }).generate({ prompt: 'hi' });

    expect(cache.entries.size).toBe(0);
  });

  it('bypasses the cache while the model cannot describe itself', async () => {
    const inner = new ScriptedGenerator([{ deltas: ['x'] }]);
    const info = inner.info.bind(inner);
    let down = true;
    inner.info = () => (down ? Promise.reject(errors.unavailable()) : info());
    const cache = memoryCache();
    const generator = cachedGenerator(inner, { cache });

    await generator.generate({ prompt: 'hi' });
    expect(cache.entries.size).toBe(0);
    down = false;
    await generator.generate({ prompt: 'hi' });
    await generator.generate({ prompt: 'hi' });

    expect(cache.entries.size).toBe(1);
    expect(inner.calls).toBe(2);
  });
});
