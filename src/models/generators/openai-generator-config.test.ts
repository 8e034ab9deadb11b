import { describe, expect, it } from 'vitest';
import { openAiGeneratorConfig } from './openai-generator-config.js';
import { tgiGeneratorConfig } from './tgi-generator-config.js';

describe('remote generator config', () => {
  it('fills defaults and refuses unknown keys and bad urls', () => {
    expect(tgiGeneratorConfig.parse({ url: 'http://localhost:8080' })).toEqual({
      url: 'http://localhost:8080',
      timeoutMs: 120_000,
    });
    expect(openAiGeneratorConfig.parse({ url: 'http://localhost:8000', model: 'm' })).toEqual({
      url: 'http://localhost:8000',
      model: 'm',
      timeoutMs: 120_000,
      includeUsage: true,
      samplingExtensions: false,
    });
    expect(tgiGeneratorConfig.safeParse({ url: 'localhost' }).success).toBe(false);
    expect(tgiGeneratorConfig.safeParse({ url: 'http://x', retries: 3 }).success).toBe(false);
    expect(openAiGeneratorConfig.safeParse({ url: 'http://x' }).success).toBe(false);
  });
});
