import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config.js';
import { silentLogger } from '../../core/logger.js';
import type { CommandContext } from '../cli-context.js';
import { guardConfigOf, openGuard, resolvePolicyFile, samplePolicyFile } from './open-guard.js';

/** A context whose configuration went through the real loader's validation. */
function contextWith(file: string | undefined, guard?: unknown): CommandContext {
  return {
    loaded: {
      config: parseConfig(guard === undefined ? {} : { guard }, 'test config'),
      file,
      workspace: '/tmp/unused',
      databaseUrl: undefined,
    },
    logger: silentLogger,
  };
}

describe('resolvePolicyFile', () => {
  const sampleConfig = path.resolve('samples/markwerk.yaml');

  it('prefers --policy, then guard.policyFile, then brand/policy.yaml beside the config', () => {
    const context = contextWith(sampleConfig);
    const config = guardConfigOf(context);

    expect(resolvePolicyFile(context, config, { policy: 'my.yaml' })).toBe(path.resolve('my.yaml'));
    expect(resolvePolicyFile(context, { ...config, policyFile: 'p/x.yaml' }, {})).toBe(
      path.resolve('samples/p/x.yaml'),
    );
    expect(resolvePolicyFile(context, config, {})).toBe(samplePolicyFile);
  });

  it('uses the fallback only when nothing else names a policy, and none turns it off', () => {
    const context = contextWith(path.join('/tmp', 'no-policy-here', 'markwerk.yaml'));
    const config = guardConfigOf(context);

    expect(resolvePolicyFile(context, config, {})).toBeUndefined();
    expect(resolvePolicyFile(context, config, { fallbackPolicy: 'f.yaml' })).toBe('f.yaml');
    const sample = contextWith(sampleConfig);
    expect(resolvePolicyFile(sample, guardConfigOf(sample), { policy: 'none' })).toBeUndefined();
  });
});

describe('openGuard', () => {
  it('names guard.pii.model and what a model folder needs when the model cannot load', async () => {
    const config = path.join('/tmp', 'markwerk-guard-model', 'markwerk.yaml');
    const context = contextWith(config, { pii: { model: './no-such-ner-model' } });

    await expect(openGuard(context, { policy: 'none' })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      message: expect.stringMatching(
        /markwerk-guard-model\/no-such-ner-model \(guard\.pii\.model\).*token-classification/,
      ),
    });
  });

  it('applies configured actions and the policy version', async () => {
    const context = contextWith(path.resolve('samples/markwerk.yaml'), {
      actions: { types: { TOXICITY: 'flag' } },
    });
    const { engine, policy, close } = await openGuard(context);

    const result = await engine.scanText('You idiot.', { lang: 'en', direction: 'in' });
    await close();

    expect(policy?.version).toBe(3);
    expect(result.verdict).toBe('flag');
    expect(result.policyVersion).toMatch(/^3\+[0-9a-f]{8}$/);
  });

  it('passes guard.pii settings to the personal-data detector and the mask style', async () => {
    const context = contextWith(undefined, {
      pii: { allow: { exact: ['service@bergfink.example'] }, mask: 'redact' },
    });
    const { engine, close } = await openGuard(context, { policy: 'none' });

    const result = await engine.scanText('Write to service@bergfink.example or ben@example.com', {
      lang: 'en',
      direction: 'in',
    });
    await close();

    expect(result.findings.map((finding) => finding.text)).toEqual(['ben@example.com']);
    expect(result.masked).toBe('Write to service@bergfink.example or [REDACTED]');
  });

  it('names guard.pii when its settings are invalid', () => {
    expect(() => contextWith(undefined, { pii: { minScore: 3 } })).toThrow(/guard\.pii\.minScore/);
  });

  it('fails naming the key when the guard configuration is invalid', () => {
    const invalid = { actions: { types: { EMAIL: 'hide' } } };
    expect(() => contextWith(undefined, invalid)).toThrow(/guard\.actions\.types\.EMAIL/);
  });
});
