/**
 * Masking personal-data findings: redact, type tag, keyed hash, or reversible vault tokens.
 * @module
 */
import { createHmac } from 'node:crypto';
import { sha256 } from '../../core/hash.js';
import { MarkwerkError } from '../../core/errors.js';
import type { FindingType } from '../finding.js';
import type { PiiVault } from '../vault/pii-vault.js';

/**
 * `redact` → "[REDACTED]"; `tag` → "[EMAIL]"; `hash` → "[EMAIL:1a2b3c4d]" (same value, same
 * tag); `reversible` → "[EMAIL#1a2b3c4d5e6f7a8b]", with the original kept encrypted in a vault.
 */
export type MaskMode = 'redact' | 'tag' | 'hash' | 'reversible';

export interface MaskOptions {
  /**
   * Key for `hash`: the tag is the first 8 hex digits of HMAC-SHA256(salt, value), so tags
   * cannot be reversed by hashing guesses without the salt. Without a salt the tag is the
   * plain SHA-256 prefix, as ingest has always written it.
   */
  salt?: string;
  /** Required for `reversible`. */
  vault?: PiiVault;
}

export interface MaskResult {
  text: string;
  /** Findings masked, by type. */
  counts: Partial<Record<FindingType, number>>;
}

/** The part of a finding masking needs. */
export interface MaskableFinding {
  type: FindingType;
  start: number;
  end: number;
}

/**
 * Replaces each finding in `text` (UTF-16 offsets into `text`). Findings overlapping an
 * earlier one are skipped. Throws `VAULT_LOCKED` for `reversible` without a vault.
 *
 * @example
 * maskPersonalData('Mail a@b.de', [{ type: 'EMAIL', start: 5, end: 11 }], 'tag').text;
 * // 'Mail [EMAIL]'
 */
export function maskPersonalData(
  text: string,
  findings: readonly MaskableFinding[],
  mode: MaskMode,
  options: MaskOptions = {},
): MaskResult {
  const vault = options.vault;
  if (mode === 'reversible' && vault === undefined) {
    throw new MarkwerkError(
      'VAULT_LOCKED',
      'Reversible masking needs an open vault: set MARKWERK_VAULT_KEY and pass the vault.',
    );
  }

  const counts: Partial<Record<FindingType, number>> = {};
  const parts: string[] = [];
  let position = 0;
  for (const finding of [...findings].sort((first, second) => first.start - second.start)) {
    if (finding.start < position) continue;
    const value = text.slice(finding.start, finding.end);
    counts[finding.type] = (counts[finding.type] ?? 0) + 1;
    parts.push(
      text.slice(position, finding.start),
      replacement(finding.type, value, mode, options),
    );
    position = finding.end;
  }
  parts.push(text.slice(position));

  return { text: parts.join(''), counts };
}

function replacement(type: FindingType, value: string, mode: MaskMode, options: MaskOptions) {
  switch (mode) {
    case 'redact':
      return '[REDACTED]';
    case 'tag':
      return `[${type}]`;
    case 'hash': {
      const digest =
        options.salt === undefined
          ? sha256(value)
          : createHmac('sha256', options.salt).update(value).digest('hex');
      return `[${type}:${digest.slice(0, 8)}]`;
    }
    case 'reversible':
      return (options.vault as PiiVault).tokenFor(type, value);
  }
}
