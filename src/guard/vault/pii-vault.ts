/**
 * A vault for reversible masking: each original value is encrypted with AES-256-GCM under
 * the vault key and stored by its token, so `restore` can put originals back into text.
 * @module
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { MarkwerkError } from '../../core/errors.js';
import { resolveVaultKey } from './vault-key.js';
import type { VaultStorage } from './vault-storage.js';
import { memoryVaultStorage } from './vault-storage.js';

/** A reversible token as it appears in masked text: `[EMAIL#1a2b3c4d5e]`. */
export const vaultTokenPattern = /\[([A-Z_]+)#([0-9a-f]{10})\]/g;

interface EncryptedEntry {
  iv: string;
  tag: string;
  data: string;
}

interface VaultDocument {
  version: 1;
  entries: Record<string, EncryptedEntry>;
}

export interface OpenVaultOptions {
  /** 64 hex digits or a passphrase; default `MARKWERK_VAULT_KEY`. */
  key?: string | Uint8Array;
  /** Default: memory only. Use `fileVaultStorage(path)` to keep tokens across runs. */
  storage?: VaultStorage;
  environment?: NodeJS.ProcessEnv;
}

/**
 * Opens a vault, decrypting what its storage holds. Throws `VAULT_LOCKED` without a key or
 * when the key does not open the stored entries.
 */
export async function openPiiVault(options: OpenVaultOptions = {}): Promise<PiiVault> {
  const key = resolveVaultKey(options.key, options.environment);
  const storage = options.storage ?? memoryVaultStorage();
  const saved = await storage.load();
  const document: VaultDocument = saved === undefined ? { version: 1, entries: {} } : parse(saved);
  const values = new Map<string, string>();
  for (const [token, entry] of Object.entries(document.entries)) {
    values.set(token, decrypt(key, token, entry));
  }
  return new PiiVault(key, storage, values);
}

export class PiiVault {
  readonly #key: Buffer;
  readonly #storage: VaultStorage;
  readonly #values: Map<string, string>;

  /** Use {@link openPiiVault}. */
  constructor(key: Buffer, storage: VaultStorage, values: Map<string, string>) {
    this.#key = key;
    this.#storage = storage;
    this.#values = values;
  }

  /**
   * The token for a value, the same for the same type and value under the same key, so
   * repeated mentions stay joinable. Remembers the value until {@link save}.
   */
  tokenFor(type: string, value: string): string {
    const digest = createHmac('sha256', this.#key).update(`${type}\u0000${value}`).digest('hex');
    const token = `[${type}#${digest.slice(0, 10)}]`;
    this.#values.set(token, value);
    return token;
  }

  /** `text` with every token this vault knows replaced by its original value. */
  restore(text: string): string {
    return text.replace(vaultTokenPattern, (token) => this.#values.get(token) ?? token);
  }

  /** Number of values held. */
  get size(): number {
    return this.#values.size;
  }

  /** Encrypts every value and writes the vault document to its storage. */
  async save(): Promise<void> {
    const entries: Record<string, EncryptedEntry> = {};
    for (const [token, value] of this.#values) entries[token] = encrypt(this.#key, token, value);
    const document: VaultDocument = { version: 1, entries };
    await this.#storage.save(JSON.stringify(document));
  }
}

function encrypt(key: Buffer, token: string, value: string): EncryptedEntry {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(token));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

function decrypt(key: Buffer, token: string, entry: EncryptedEntry): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(Buffer.from(token));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(entry.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new MarkwerkError(
      'VAULT_LOCKED',
      'The vault key does not open this vault (wrong key or tampered file). Use the key the ' +
        'vault was written with.',
      { cause: error },
    );
  }
}

function parse(saved: string): VaultDocument {
  const document = JSON.parse(saved) as Partial<VaultDocument>;
  if (document.version !== 1 || typeof document.entries !== 'object' || !document.entries) {
    throw new MarkwerkError('INPUT_MALFORMED', 'The vault document is not a Markwerk vault v1.');
  }
  return document as VaultDocument;
}
