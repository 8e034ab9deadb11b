import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTemplatesFolder } from './template-loader.js';
import {
  loadProfiles,
  parameterProfileSchema,
  profileFor,
  toParameters,
} from './parameter-profile.js';
import { assertValidProfile, validateProfile } from './validate-profile.js';

const profile = parameterProfileSchema.parse({
  temperature: 0.7,
  top_p: 0.9,
  max_new_tokens: 512,
  stop: ['</copy>', '\n\n', '###'],
});

describe('parameter profiles', () => {
  it('names the file and the config key when the profiles cannot be read', async () => {
    const missing = path.join(tmpdir(), 'markwerk-no-such-profiles.yaml');
    await expect(loadProfiles(missing)).rejects.toMatchObject({
      code: 'PARAMETERS_INVALID',
      message: expect.stringContaining(`${missing} (ENOENT`),
    });
    await expect(loadProfiles(missing)).rejects.toThrow(/generation\.profiles/);
  });

  it('has a valid profile for every bundled use case', async () => {
    const set = await loadProfiles();

    expect(Object.keys(set.profiles).sort()).toEqual([
      'ad-headline',
      'answer',
      'email-subject',
      'meta-description',
      'product-description',
    ]);
    expect(profileFor(set, 'ad-headline').max_new_tokens).toBeLessThanOrEqual(32);
  });

  it('maps snake_case profile keys onto the generator parameters', () => {
    const parameters = toParameters(
      parameterProfileSchema.parse({
        temperature: 0.2,
        top_p: 0.8,
        top_k: 20,
        max_new_tokens: 300,
        repetition_penalty: 1.05,
        frequency_penalty: 0.1,
        stop: ['</answer>'],
        seed: 7,
      }),
    );

    expect(parameters).toEqual({
      temperature: 0.2,
      topP: 0.8,
      topK: 20,
      maxNewTokens: 300,
      repetitionPenalty: 1.05,
      frequencyPenalty: 0.1,
      stop: ['</answer>'],
      seed: 7,
    });
  });

  it('rejects a profiles file with an out-of-range value, naming file and key', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'markwerk-profiles-'));
    const file = path.join(folder, 'profiles.yaml');
    const source = await readFile(path.join(defaultTemplatesFolder, 'profiles.yaml'), 'utf8');
    await writeFile(file, source.replace('top_p: 0.8', 'top_p: 1.8'));

    await expect(loadProfiles(file)).rejects.toMatchObject({
      code: 'PARAMETERS_INVALID',
      details: { file, key: 'profiles.answer.top_p' },
    });
  });

  it('names the use cases that have a profile when one is missing', async () => {
    const set = await loadProfiles();

    expect(() => profileFor(set, 'tweet')).toThrow(/profiles exist for ad-headline, answer/);
  });
});

describe('validateProfile', () => {
  it('finds no issue when the server reports no limits or the profile fits', () => {
    expect(validateProfile(profile)).toEqual([]);
    expect(
      validateProfile(
        profile,
        { maxTotalTokens: 4096, maxInputTokens: 3000, maxStopSequences: 4 },
        { inputTokens: 2000 },
      ),
    ).toEqual([]);
  });

  it('reports each broken limit as data with the fix', () => {
    const issues = validateProfile(
      profile,
      { maxTotalTokens: 1024, maxInputTokens: 600, maxStopSequences: 2 },
      { inputTokens: 700 },
    );

    expect(issues.map((issue) => issue.code)).toEqual([
      'input-over-limit',
      'input-and-output-over-total',
      'too-many-stop-sequences',
    ]);
    expect(issues[1]).toMatchObject({ key: 'max_new_tokens', value: 1212, limit: 1024 });
    expect(issues[1]?.fix).toContain('at most 324');
    expect(issues[2]).toMatchObject({ key: 'stop', value: 3, limit: 2 });
  });

  it('rejects max_new_tokens that leave no room for input even before the prompt is known', () => {
    const issues = validateProfile(profile, { maxTotalTokens: 512 });

    expect(issues).toEqual([
      expect.objectContaining({ code: 'max-new-tokens-over-total', value: 512, limit: 512 }),
    ]);
  });

  it('throws PARAMETERS_INVALID with the issues and their fixes', () => {
    const check = () => assertValidProfile(profile, { maxStopSequences: 1 });

    expect(check).toThrow(/stop is 3, limit 1: keep at most 1 stop sequences/);
    try {
      check();
    } catch (error) {
      expect(error).toMatchObject({
        code: 'PARAMETERS_INVALID',
        details: { issues: [expect.objectContaining({ code: 'too-many-stop-sequences' })] },
      });
    }
    expect(() => assertValidProfile(profile, { maxStopSequences: 4 })).not.toThrow();
  });
});
