import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../core/hash.js';
import { openPiiVault } from '../vault/pii-vault.js';
import { detectPersonalData } from './detect-personal-data.js';
import { maskPersonalData } from './mask-personal-data.js';

const key = 'a'.repeat(64);
const text = '🙂 Mail anna@example.de, again anna@example.de, Tel. 0171 2345678.';
const findings = detectPersonalData(text, { types: ['EMAIL', 'PHONE'] });

describe('maskPersonalData', () => {
  it('redacts and tags, counting findings by type', () => {
    expect(maskPersonalData(text, findings, 'redact').text).toBe(
      '🙂 Mail [REDACTED], again [REDACTED], Tel. [REDACTED].',
    );
    expect(maskPersonalData(text, findings, 'tag')).toEqual({
      text: '🙂 Mail [EMAIL], again [EMAIL], Tel. [PHONE].',
      counts: { EMAIL: 2, PHONE: 1 },
    });
  });

  it('hashes with the salt as HMAC key, so the same value gets the same tag', () => {
    const salted = createHmac('sha256', 'pepper').update('anna@example.de').digest('hex');
    const masked = maskPersonalData(text, findings, 'hash', { salt: 'pepper' }).text;
    expect(masked).toContain(
      `Mail [EMAIL:${salted.slice(0, 8)}], again [EMAIL:${salted.slice(0, 8)}]`,
    );
    const unsalted = maskPersonalData(text, findings, 'hash').text;
    expect(unsalted).toContain(`[EMAIL:${sha256('anna@example.de').slice(0, 8)}]`);
    expect(unsalted).not.toBe(masked);
  });

  it('skips a finding overlapping an earlier one', () => {
    const overlapping = [
      { type: 'EMAIL' as const, start: 0, end: 5 },
      { type: 'URL' as const, start: 3, end: 8 },
    ];
    expect(maskPersonalData('abcdefghij', overlapping, 'tag').text).toBe('[EMAIL]fghij');
  });

  it('refuses reversible masking without a vault', () => {
    expect(() => maskPersonalData(text, findings, 'reversible')).toThrow(
      expect.objectContaining({ code: 'VAULT_LOCKED' }),
    );
  });

  it('masks reversibly with stable tokens that the vault restores', async () => {
    const vault = await openPiiVault({ key });
    const masked = maskPersonalData(text, findings, 'reversible', { vault }).text;
    expect(masked).not.toContain('anna@example.de');
    expect(masked).toMatch(
      /^🙂 Mail (\[EMAIL#[0-9a-f]{16}\]), again \1, Tel\. \[PHONE#[0-9a-f]{16}\]\.$/,
    );
    expect(vault.restore(`Reply: ${masked}`)).toBe(`Reply: ${text}`);
  });
});
