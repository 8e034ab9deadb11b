/**
 * `markwerk guard unmask`: puts the originals back into text masked with `--mode reversible`.
 * @module
 */
import type { Command } from 'commander';
import { vaultTokenPattern } from '../../guard/vault/index.js';
import { commandContext } from '../cli-context.js';
import { openVault } from './open-vault.js';
import { readText } from './read-text.js';

interface GuardUnmaskOptions {
  vault?: string;
}

export function registerGuardUnmaskCommand(guard: Command): void {
  guard
    .command('unmask')
    .description(
      'Restore the originals of reversible tokens ([EMAIL#1a2b3c4d5e6f7a8b]) from the vault',
    )
    .argument('[file]', 'masked text file, or - for stdin', '-')
    .option(
      '--vault <file>',
      'vault file (default: guard.pii.vaultFile, else vault.json in the workspace)',
    )
    .addHelpText(
      'after',
      `
Needs the MARKWERK_VAULT_KEY the text was masked with. Tokens the vault does not hold are
left as they are, and their number is reported on stderr.

Example:
  MARKWERK_VAULT_KEY=... markwerk guard unmask ticket.masked.txt`,
    )
    .action(async (file: string, options: GuardUnmaskOptions, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const text = await readText(file);
      const vault = await openVault(context, options.vault, { mustExist: true });
      const restored = vault.restore(text);
      process.stdout.write(restored);
      const unknown = restored.match(vaultTokenPattern)?.length ?? 0;
      if (unknown > 0) {
        process.stderr.write(
          `${unknown} token(s) are not in this vault and were left as they are; ` +
            'check --vault and MARKWERK_VAULT_KEY.\n',
        );
      }
    });
}
