/**
 * The vault key: 32 bytes for AES-256-GCM, from an option or `MARKWERK_VAULT_KEY`.
 * @module
 */
import { scryptSync } from 'node:crypto';
import { MarkwerkError } from '../../core/errors.js';

/** Environment variable read when no key is passed. */
export const vaultKeyVariable = 'MARKWERK_VAULT_KEY';

/**
 * Turns a configured key into 32 key bytes: 64 hex digits are used as they are; any other
 * string is a passphrase stretched with scrypt. Throws `VAULT_LOCKED` when there is none.
 */
export function resolveVaultKey(
  key: string | Uint8Array | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): Buffer {
  const configured = key ?? environment[vaultKeyVariable];
  if (configured === undefined || configured.length === 0) {
    throw new MarkwerkError(
      'VAULT_LOCKED',
      `The personal-data vault is locked: no key. Set ${vaultKeyVariable} (64 hex digits or a ` +
        'passphrase) or pass the key option, then retry.',
    );
  }
  if (typeof configured !== 'string') {
    if (configured.length !== 32) {
      throw new MarkwerkError('VAULT_LOCKED', 'A vault key given as bytes must be 32 bytes long.');
    }
    return Buffer.from(configured);
  }
  if (/^[0-9a-fA-F]{64}$/.test(configured)) return Buffer.from(configured, 'hex');
  return scryptSync(configured, 'markwerk-vault-v1', 32);
}
