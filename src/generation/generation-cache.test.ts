import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MarkwerkError } from '../core/errors.js';
import { cachedGenerator, type CacheEvent } from '../models/generators/cached-generator.js';
import type { GenerationRequest } from '../models/generators/generator.js';
import {
  readStream,
  scriptedErrors as errors,
} from '../models/generators/test-support/generator-errors.js';
import {
  type ScriptStep,
  ScriptedGenerator,
} from '../models/generators/test-support/scripted-generator.js';
import type { SqlClient } from '../store/sql-client.js';
import { storeBackends } from '../store/test-support/store-backends.js';
import { createGenerationCache, purgeGenerationCache } from './generation-cache.js';

function grounded(datasetVersion: string, prompt = 'Write a teaser.'): GenerationRequest {
  return {
    prompt,
    parameters: { temperature: 0 },
    tags: { template: { id: 'teaser', version: 1 }, chunkIds: ['c1'], datasetVersion },
  };
}

describe.each(storeBackends())('generation cache on $name', (backend) => {
  let store: SqlClient;
  beforeAll(async () => {
    store = await backend.open();
  });
  beforeEach(async () => {
    await store.exec('delete from generation_cache');
  });
  afterAll(async () => {
    await store.close();
  });

  function setup(steps: ScriptStep[]) {
    const inner = new ScriptedGenerator(steps);
    const events: CacheEvent['type'][] = [];
    const generator = cachedGenerator(inner, {
      cache: createGenerationCache(store),
      onEvent: (event) => events.push(event.type),
    });
    return { inner, generator, events };
  }

  it('replays a stored result as one delta and a finish, calling no model', async () => {
    const { inner, generator, events } = setup([{ deltas: ['Winter ', 'sale!'] }]);

    const first = await readStream(generator.stream(grounded('v1')));
    const events2: unknown[] = [];
    for await (const event of generator.stream(grounded('v1'))) events2.push(event);

    expect(first.deltas).toEqual(['Winter ', 'sale!']);
    expect(events2).toEqual([
      { type: 'text-delta', text: 'Winter sale!' },
      {
        type: 'finish',
        result: expect.objectContaining({ text: 'Winter sale!', model: 'scripted-model' }),
      },
    ]);
    expect(inner.calls).toBe(1);
    expect(events).toEqual(['cache-miss', 'cache-stored', 'cache-hit']);
  });

  it('misses for another dataset version and replaces the old entry', async () => {
    const { inner, generator } = setup([{ deltas: ['old facts'] }, { deltas: ['new facts'] }]);

    await generator.generate(grounded('v1'));
    const newer = await generator.generate(grounded('v2'));
    const again = await generator.generate(grounded('v2'));

    expect(newer.text).toBe('new facts');
    expect(again.text).toBe('new facts');
    expect(inner.calls).toBe(2);
    const rows = await store.query<{ dataset_version: string }>(
      'select dataset_version from generation_cache',
    );
    expect(rows.map((row) => row.dataset_version)).toEqual(['v2']);
  });

  it('stores nothing from a stream that broke, so the next call asks the model', async () => {
    const { inner, generator, events } = setup([
      { deltas: ['half a'], breakWith: errors.broken() },
      { deltas: ['whole answer'] },
    ]);

    const broken = await readStream(generator.stream(grounded('v1')));
    const next = await generator.generate(grounded('v1'));

    expect((broken.error as MarkwerkError).code).toBe('STREAM_BROKEN');
    expect(next.text).toBe('whole answer');
    expect(inner.calls).toBe(2);
    expect(events).toEqual(['cache-miss', 'cache-miss', 'cache-stored']);
  });

  it('purges the entries of every dataset version but the kept ones', async () => {
    const { generator } = setup([{ deltas: ['a'] }]);
    await generator.generate(grounded('v1', 'one'));
    await generator.generate(grounded('v2', 'two'));
    await generator.generate(grounded('v3', 'three'));
    await generator.generate({ prompt: 'not grounded' });

    expect(await purgeGenerationCache(store, ['v3'])).toBe(2);
    const left = await store.query<{ dataset_version: string }>(
      'select dataset_version from generation_cache order by dataset_version',
    );
    expect(left.map((row) => row.dataset_version)).toEqual(['', 'v3']);
    expect(await purgeGenerationCache(store, ['v3'], { includeUnversioned: true })).toBe(1);
  });
});

describe('cachedGenerator', () => {
  it('goes on uncached when the cache store fails', async () => {
    const inner = new ScriptedGenerator([{ deltas: ['fine'] }]);
    const generator = cachedGenerator(inner, {
      cache: {
        lookup: () => Promise.reject(new Error('store down')),
        store: () => Promise.reject(new Error('store down')),
      },
    });

    expect((await generator.generate(grounded('v1'))).text).toBe('fine');
  });
});
