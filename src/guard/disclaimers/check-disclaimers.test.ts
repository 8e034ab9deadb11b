import { describe, expect, it } from 'vitest';

import { samplePolicy } from '../policy/test-support/sample-policy.js';
import { checkDisclaimers, normaliseForDisclaimer } from './check-disclaimers.js';

describe('checkDisclaimers', () => {
  it('passes the channel text despite line breaks, case and punctuation', async () => {
    const policy = await samplePolicy();
    const text =
      'Neu: Firnlicht LSF 50.\nSONNENSCHUTZ ist nur ein Teil des Schutzes —\n' +
      '  nachcremen nicht vergessen!';

    expect(
      checkDisclaimers(text, { lang: 'de', category: 'sun-protection', channel: 'social', policy }),
    ).toEqual([]);
  });

  it('reports a missing disclaimer at the end of the text with the required wording', async () => {
    const policy = await samplePolicy();
    const text = 'Der Gratwind Klettergurt für lange Routen.';
    const [finding] = checkDisclaimers(text, {
      lang: 'en',
      category: 'climbing-safety',
      channel: 'email',
      policy,
    });

    expect(finding).toMatchObject({
      type: 'DISCLAIMER_MISSING',
      start: text.length,
      end: text.length,
      text: '',
      rule: 'disclaimer.climbing-safety',
      details: { channel: 'default', lang: 'en', policyVersion: 3 },
    });
    expect(finding?.details?.required).toMatch(/^Climbing is dangerous\. Use this equipment/);
  });

  it('asks for the German text in German and the channel text on its channel', async () => {
    const policy = await samplePolicy();
    const [finding] = checkDisclaimers('Alpspur LVS-Gerät', {
      lang: 'de',
      category: 'avalanche-safety',
      channel: 'social',
      policy,
    });

    expect(finding?.details?.required).toBe(
      'LVS, Sonde, Schaufel – und Wissen. Ausrüstung ersetzt keinen Lawinenkurs.',
    );
  });

  it('accepts the long default text on a short channel, but not half of it', async () => {
    const policy = await samplePolicy();
    const full = policy.disclaimers.kids?.default?.text_en ?? '';
    const options = { lang: 'en', category: 'kids', channel: 'social', policy } as const;

    expect(checkDisclaimers(`Zwergfink backpack. ${full}`, options)).toEqual([]);
    expect(checkDisclaimers('Use only under adult', options)).toHaveLength(1);
  });

  it('returns nothing for a category without disclaimers', async () => {
    const policy = await samplePolicy();
    expect(
      checkDisclaimers('A tent.', { lang: 'en', category: 'tents', channel: 'web', policy }),
    ).toEqual([]);
  });
});

describe('normaliseForDisclaimer', () => {
  it('keeps letters and digits of any script, folds width and case', () => {
    expect(normaliseForDisclaimer('  Schütze\n dich — ÜBER 2.000 m!  ')).toBe(
      'schütze dich über 2 000 m',
    );
    expect(normaliseForDisclaimer('Ｆｕｌｌ ﬁt, x² 𝐀𝐁 😀 ½')).toBe(
      'full fit x2 ab 1⁄2'.replace('1⁄2', '1 2'),
    );
    expect(normaliseForDisclaimer('...')).toBe('');
  });
});
