import { describe, expect, it } from 'vitest';
import type { HfResponseFacts } from './hf-errors.js';
import { guardFetch, HF_PROVIDER_ORIGINS } from './hf-fetch-guard.js';

describe('guardFetch', () => {
  const answered: string[] = [];
  const fake = (async (input: string | URL | Request) => {
    answered.push(String(input));
    return new Response('{}', { status: 429, headers: { 'retry-after': '7' } });
  }) as typeof fetch;

  it('lets through only URLs under the endpoint, and records status and Retry-After', async () => {
    const facts: HfResponseFacts = {};
    const guarded = guardFetch({ endpointUrl: 'https://ep.example/tenant/' }, facts, fake);

    await guarded('https://ep.example/tenant/v1/chat/completions', { method: 'POST' });
    const refused = [
      'https://huggingface.co/api/models/x',
      'https://ep.example/other/v1/chat/completions',
      'https://ep.example/tenant-b/v1/chat/completions',
      'http://ep.example/tenant/v1/chat/completions',
    ];
    for (const url of refused) {
      await expect(guarded(url)).rejects.toMatchObject({ code: 'GENERATION_FAILED' });
    }

    expect(answered).toEqual(['https://ep.example/tenant/v1/chat/completions']);
    expect(facts).toEqual({
      url: 'https://ep.example/tenant/v1/chat/completions',
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('allows only the Hugging Face router and Hub for Inference Providers', async () => {
    answered.length = 0;
    const guarded = guardFetch({ origins: HF_PROVIDER_ORIGINS }, {}, fake);

    await guarded('https://router.huggingface.co/v1/chat/completions');
    await expect(guarded('https://api.together.xyz/v1/chat/completions')).rejects.toThrow(
      /only contacts https:\/\/router\.huggingface\.co/,
    );

    expect(answered).toEqual(['https://router.huggingface.co/v1/chat/completions']);
  });
});
