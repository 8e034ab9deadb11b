/**
 * A vault for reversible masking: each original value is encrypted with AES-256-GCM under
 * the vault key and stored by its token, so `restore` can put originals back into text.
 * @module
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { MarkwerkError } from '../../core/errors.js';
import { resolveVaultKey } from './vault-key.js';
import type { VaultStorage } from './vault-storage.js';
import { memoryVaultStorage } from './vault-storage.js';

/** A reversible token as it appears in masked text: `[EMAIL#1a2b3c4d5e6f7a8b]`. */
export const vaultTokenPattern = /\[([A-Z_]+)#([0-9a-f]{16})\]/g;

/** Separate keys for tokens and for encryption, both derived from the vault key. */
function subkey(key: Buffer, purpose: 'token' | 'encryption'): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `markwerk-vault-${purpose}`, 32));
}

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
  const keys = { token: subkey(key, 'token'), encryption: subkey(key, 'encryption') };
  const storage = options.storage ?? memoryVaultStorage();
  const saved = await storage.load();
  const document: VaultDocument =
    saved === undefined ? { version: 1, entries: {} } : parse(saved, storage.location ?? 'vault');
  const values = new Map<string, string>();
  for (const [token, entry] of Object.entries(document.entries)) {
    values.set(token, decrypt(keys.encryption, token, entry));
  }
  return new PiiVault(keys, storage, values);
}

interface VaultKeys {
  token: Buffer;
  encryption: Buffer;
}

export class PiiVault {
  readonly #keys: VaultKeys;
  readonly #storage: VaultStorage;
  readonly #values: Map<string, string>;

  /** Use {@link openPiiVault}. */
  constructor(keys: VaultKeys, storage: VaultStorage, values: Map<string, string>) {
    this.#keys = keys;
    this.#storage = storage;
    this.#values = values;
  }

  /**
   * The token for a value, the same for the same type and value under the same key, so
   * repeated mentions stay joinable. Remembers the value until {@link save}.
   */
  tokenFor(type: string, value: string): string {
    const digest = createHmac('sha256', this.#keys.token)
      .update(`${type}\u0000${value}`)
      .digest('hex');
    const token = `[${type}#${digest.slice(0, 16)}]`;
    const held = this.#values.get(token);
    if (held !== undefined && held !== value) {
      // 64 bits make this all but impossible; restoring the wrong person's data would be worse.
      throw new MarkwerkError(
        'VAULT_LOCKED',
        `Two different values got the token ${token}; the text was not masked. Mask it again ` +
          'with a fresh vault file and key.',
      );
    }
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
    for (const [token, value] of this.#values) {
      entries[token] = encrypt(this.#keys.encryption, token, value);
    }
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

function parse(saved: string, location: string): VaultDocument {
  const broken = (why: string, cause?: unknown) =>
    new MarkwerkError(
      'INPUT_MALFORMED',
      `${location} is not a Markwerk vault (${why}). Restore it from a backup, or point ` +
        '--vault (guard.pii.vaultFile) at the file the text was masked into.',
      { details: { location }, ...(cause === undefined ? {} : { cause }) },
    );
  let document: Partial<VaultDocument>;
  try {
    document = JSON.parse(saved) as Partial<VaultDocument>;
  } catch (error) {
    throw broken(`not valid JSON: ${(error as Error).message}`, error);
  }
  if (document.version !== 1 || typeof document.entries !== 'object' || !document.entries) {
    throw broken('no version 1 document with entries');
  }
  return document as VaultDocument;
}
