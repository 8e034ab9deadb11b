/**
 * The personal-data vault `guard mask --mode reversible` writes and `guard unmask` reads.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { fileVaultStorage, openPiiVault, type PiiVault } from '../../guard/vault/index.js';
import { personalDataConfigOf } from './open-guard.js';
import { configFolder, type CommandContext } from '../cli-context.js';

/**
 * Which vault file applies: `--vault`, else `guard.pii.vaultFile` (relative to the config
 * file), else `vault.json` in the workspace.
 */
export function vaultFileOf(context: CommandContext, explicit: string | undefined): string {
  if (explicit) return path.resolve(explicit);
  const configured = personalDataConfigOf(context).vaultFile;
  if (configured === undefined) return path.join(context.loaded.workspace, 'vault.json');
  const base = configFolder(context);
  return path.resolve(base, configured);
}

/**
 * Opens the vault with `MARKWERK_VAULT_KEY`; `VAULT_LOCKED` says what to set when it fails.
 * With `mustExist`, a missing vault file is a usage error rather than an empty vault.
 */
export function openVault(
  context: CommandContext,
  explicit: string | undefined,
  options: { mustExist?: boolean } = {},
): Promise<PiiVault> {
  const file = vaultFileOf(context, explicit);
  if (options.mustExist && !existsSync(file)) {
    throw new UsageError(
      `There is no vault at ${file}. Mask with --mode reversible first, or pass --vault with ` +
        'the file the text was masked into.',
      { file },
    );
  }
  return openPiiVault({ storage: fileVaultStorage(file) });
}

export type { PiiVault };
