import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { MarkwerkError } from '../../core/errors.js';
import { loadPolicy, parsePolicy, parsePolicyYaml } from './load-policy.js';
import { samplePolicy } from './test-support/sample-policy.js';

function policyError(run: () => unknown): MarkwerkError {
  try {
    run();
  } catch (error) {
    if (error instanceof MarkwerkError) return error;
    throw error;
  }
  throw new Error('expected POLICY_INVALID');
}

describe('loadPolicy', () => {
  it('loads the sample policy with its existing keys and the new claim rules', async () => {
    const policy = await samplePolicy();

    expect(policy.version).toBe(3);
    expect(policy.banned_terms.de?.map((item) => item.term)).toContain('revolutionär');
    expect(policy.banned_terms.en?.find((item) => item.term === 'miracle')?.category).toBe(
      'health_claim',
    );
    expect(policy.banned_terms.en?.find((item) => item.term === 'best ever')?.category).toBe(
      'absolute_claim',
    );
    expect(policy.brand_terms[0]).toEqual({
      canonical: 'Bergfink',
      wrong: ['BergFink', 'Berg-Fink', 'Berg Fink', 'BERGFINK'],
    });
    expect(policy.approved_claims.find((claim) => claim.id === 'CLM-INS-001')?.expires).toBe(
      '2025-04-30',
    );
    expect(policy.disclaimers['sun-protection']?.social?.text_en).toMatch(/remember to reapply/);
    expect(new Set(policy.claim_rules.map((rule) => rule.lang))).toEqual(new Set(['en', 'de']));
    expect(policy.claim_rules.every((rule) => rule.action === undefined)).toBe(true);
  });

  it('names the file and the key of a bad claim rule category', () => {
    const error = policyError(() =>
      parsePolicy(
        {
          version: 1,
          claim_rules: [{ id: 'x', category: 'puffery', lang: 'en', patterns: ['a'] }],
        },
        'brand.yaml',
      ),
    );

    expect(error.code).toBe('POLICY_INVALID');
    expect(error.details).toEqual({ file: 'brand.yaml', key: 'claim_rules[0].category' });
    expect(error.message).toMatch(/^brand\.yaml: claim_rules\[0\]\.category: /);
  });

  it('rejects a pattern that starts with a gap, naming the pattern key', () => {
    const error = policyError(() =>
      parsePolicy({
        version: 1,
        claim_rules: [{ id: 'x', category: 'greenwashing', lang: 'de', patterns: ['~2 neutral'] }],
      }),
    );

    expect(error.details.key).toBe('claim_rules[0].patterns[0]');
    expect(error.message).toMatch(/must start and end with a word/);
    const hyphen = policyError(() =>
      parsePolicy({
        version: 1,
        claim_rules: [
          { id: 'x', category: 'greenwashing', lang: 'en', patterns: ['ok', 'eco-friendly|green'] },
        ],
      }),
    );
    expect(hyphen.details.key).toBe('claim_rules[0].patterns[1]');
  });

  it('rejects duplicate rule ids, a missing version and a bad expiry date', () => {
    const rule = { id: 'same', category: 'greenwashing', lang: 'en', patterns: ['eco'] };
    expect(
      policyError(() => parsePolicy({ version: 1, claim_rules: [rule, rule] })).details.key,
    ).toBe('claim_rules[1].id');
    expect(policyError(() => parsePolicy({ brand_terms: [] })).details.key).toBe('version');
    const claim = {
      id: 'C',
      text_de: 'a',
      text_en: 'a',
      evidence: 'e',
      markets: ['DE'],
      expires: 'soon',
    };
    expect(
      policyError(() => parsePolicy({ version: 1, approved_claims: [claim] })).details.key,
    ).toBe('approved_claims[0].expires');
  });

  it('reports unreadable files and broken YAML as POLICY_INVALID with the file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'markwerk-policy-'));
    const broken = path.join(folder, 'broken.yaml');
    await writeFile(broken, 'version: [1\n');

    await expect(loadPolicy(broken)).rejects.toMatchObject({
      code: 'POLICY_INVALID',
      details: { file: broken },
    });
    await expect(loadPolicy(path.join(folder, 'missing.yaml'))).rejects.toMatchObject({
      code: 'POLICY_INVALID',
    });
    expect(() => parsePolicyYaml('version: 2\nbanned_terms: {}\n')).not.toThrow();
  });
});
