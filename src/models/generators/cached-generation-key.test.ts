import { describe, expect, it } from 'vitest';
import { generationCacheKey } from './cached-generation-key.js';
import type { GenerationRequest, GeneratorInfo } from './generator.js';

const info: GeneratorInfo = { provider: 'tgi', model: 'llama-3-8b', revision: 'abc123' };
const request: GenerationRequest = {
  messages: [{ role: 'user', content: 'Write a teaser for the winter sale.' }],
  parameters: { temperature: 0.2, maxNewTokens: 200 },
  adapter: 'brand-voice',
  tags: {
    template: { id: 'teaser', version: 3 },
    chunkIds: ['c1', 'c2'],
    datasetVersion: 'v7',
    workspace: 'acme',
  },
};
const key = generationCacheKey(info, request);

describe('generationCacheKey', () => {
  it('is a SHA-256 hex digest, the same whatever order parameters were written in', () => {
    const reordered = { ...request, parameters: { maxNewTokens: 200, temperature: 0.2 } };

    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(generationCacheKey(info, reordered)).toBe(key);
  });

  it.each<[string, GeneratorInfo, GenerationRequest]>([
    ['model', { ...info, model: 'llama-3-70b' }, request],
    ['revision', { ...info, revision: 'def456' }, request],
    [
      'template version',
      info,
      { ...request, tags: { ...request.tags, template: { id: 'teaser', version: 4 } } },
    ],
    ['parameters', info, { ...request, parameters: { temperature: 0.7, maxNewTokens: 200 } }],
    ['messages', info, { ...request, messages: [{ role: 'user', content: 'Something else.' }] }],
    ['retrieved chunks', info, { ...request, tags: { ...request.tags, chunkIds: ['c2', 'c1'] } }],
    ['adapter', info, { ...request, adapter: 'other-voice' }],
  ])('changes with the %s', (_name, otherInfo, otherRequest) => {
    expect(generationCacheKey(otherInfo, otherRequest)).not.toBe(key);
  });

  it('ignores the workspace and the dataset version, which are kept beside the key', () => {
    const other = {
      ...request,
      tags: { ...request.tags, workspace: 'globex', datasetVersion: 'v8' },
    };

    expect(generationCacheKey(info, other)).toBe(key);
  });
});
