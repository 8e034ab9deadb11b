import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPiiVault } from './pii-vault.js';
import { fileVaultStorage, memoryVaultStorage } from './vault-storage.js';

const key = '0123456789abcdef'.repeat(4);
const folder = mkdtempSync(path.join(os.tmpdir(), 'markwerk-vault-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('openPiiVault', () => {
  it('is locked without a key, naming the variable to set', async () => {
    await expect(openPiiVault({ environment: {} })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
      message: expect.stringContaining('MARKWERK_VAULT_KEY'),
    });
  });

  it('takes the key from MARKWERK_VAULT_KEY', async () => {
    const vault = await openPiiVault({ environment: { MARKWERK_VAULT_KEY: 'a passphrase' } });
    expect(vault.restore(vault.tokenFor('EMAIL', 'a@b.de'))).toBe('a@b.de');
  });

  it('keeps values encrypted in its file and restores them after reopening', async () => {
    const file = path.join(folder, 'vault.json');
    const first = await openPiiVault({ key, storage: fileVaultStorage(file) });
    const token = first.tokenFor('PERSON', 'Anna Schmidt');
    await first.save();

    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain('Anna');
    expect(saved).toContain(token);

    const reopened = await openPiiVault({ key, storage: fileVaultStorage(file) });
    expect(reopened.restore(`Hallo ${token}!`)).toBe('Hallo Anna Schmidt!');
    expect(reopened.restore('Unknown [EMAIL#0000000000] stays.')).toBe(
      'Unknown [EMAIL#0000000000] stays.',
    );
  });

  it('refuses a wrong key and a tampered entry', async () => {
    const storage = memoryVaultStorage();
    const vault = await openPiiVault({ key, storage });
    vault.tokenFor('IBAN', 'DE89 3704 0044 0532 0130 00');
    await vault.save();

    await expect(openPiiVault({ key: 'f'.repeat(64), storage })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
    });
    const document = JSON.parse(storage.document() ?? '{}');
    const [token] = Object.keys(document.entries);
    const entry = document.entries[token as string];
    entry.data = Buffer.from('tampered').toString('base64');
    const tampered = memoryVaultStorage(JSON.stringify(document));
    await expect(openPiiVault({ key, storage: tampered })).rejects.toMatchObject({
      code: 'VAULT_LOCKED',
    });
  });

  it('gives the same token for the same value and a different one under another key', async () => {
    const vault = await openPiiVault({ key });
    const other = await openPiiVault({ key: 'e'.repeat(64) });
    expect(vault.tokenFor('EMAIL', 'a@b.de')).toBe(vault.tokenFor('EMAIL', 'a@b.de'));
    expect(vault.tokenFor('EMAIL', 'a@b.de')).not.toBe(other.tokenFor('EMAIL', 'a@b.de'));
    expect(vault.size).toBe(1);
  });

  it('names the vault file that is not a vault and what to do', async () => {
    const file = path.join(folder, 'broken-vault.json');
    writeFileSync(file, '{"version": 1, "entr');
    await expect(openPiiVault({ key, storage: fileVaultStorage(file) })).rejects.toMatchObject({
      code: 'INPUT_MALFORMED',
      message: expect.stringContaining(`${file} is not a Markwerk vault (not valid JSON`),
    });
  });
});
