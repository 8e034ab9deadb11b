import { describe, expect, it } from 'vitest';

import { samplePolicy } from '../policy/test-support/sample-policy.js';
import { detectBrandTerms } from './detect-brand-terms.js';

describe('detectBrandTerms', () => {
  it('flags wrong variants with the canonical spelling as suggestion', async () => {
    const policy = await samplePolicy();
    const text = 'Die Berg-Fink Jacke mit Bergfink Dry und das Mueckenwehr Spray.';
    const findings = detectBrandTerms(text, { policy });

    expect(findings.map((finding) => [finding.text, finding.details?.suggestion])).toEqual([
      ['Berg-Fink', 'Bergfink'],
      ['Bergfink Dry', 'BergfinkDry'],
      ['Mueckenwehr', 'Mückenwehr'],
    ]);
    expect(findings[0]).toMatchObject({ type: 'BRAND_TERM', start: 4, end: 13, action: 'flag' });
    expect(findings[0]?.details?.policyVersion).toBe(3);
  });

  it('leaves correct spellings and words that merely contain a variant alone', async () => {
    const policy = await samplePolicy();
    const text = 'Bergfink, BergfinkDry 3L, Mückenwehr, Höhenweger Alm, Gratwinde.';

    expect(detectBrandTerms(text, { policy })).toEqual([]);
  });

  it('is case-sensitive: BERGFINK is a variant, bergfink in a URL path is not listed', async () => {
    const policy = await samplePolicy();
    const found = detectBrandTerms('BERGFINK SALE at shop/bergfink', { policy });

    expect(found.map((finding) => finding.text)).toEqual(['BERGFINK']);
  });
});
