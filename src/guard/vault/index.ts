/**
 * The personal-data vault for reversible masking.
 * @module
 */
export { openPiiVault, PiiVault, vaultTokenPattern } from './pii-vault.js';
export type { OpenVaultOptions } from './pii-vault.js';
export { fileVaultStorage, memoryVaultStorage } from './vault-storage.js';
export type { VaultStorage } from './vault-storage.js';
export { resolveVaultKey, vaultKeyVariable } from './vault-key.js';
