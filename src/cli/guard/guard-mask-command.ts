/**
 * `markwerk guard mask`: the text with everything the policy masks replaced.
 * @module
 */

import { Option, type Command } from 'commander';
import { MarkwerkError } from '../../core/errors.js';
import type { GuardEngine, ScanOptions } from '../../guard/engine/create-guard-engine.js';
import { isMasked, maskFindings, type MaskMode } from '../../guard/engine/mask-findings.js';
import { printJson, type CommandContext } from '../cli-context.js';
import { addGuardOptions, scanContext, type GuardCommonOptions } from './guard-options.js';
import { readText } from './read-text.js';
import { personalDataConfigOf } from './open-guard.js';
import { openVault, type PiiVault } from './open-vault.js';
import { withGuard, type GuardRunOptions } from './with-guard.js';

export interface GuardMaskOptions extends GuardCommonOptions, GuardRunOptions {
  mode?: MaskMode;
  /** Vault file for `reversible`. */
  vault?: string;
  json?: boolean;
  /** Print the masked text even when the verdict is block. */
  force?: boolean;
}

export function registerGuardMaskCommand(guard: Command): void {
  addGuardOptions(
    guard
      .command('mask')
      .description('Print the text with personal data (and whatever the policy masks) replaced')
      .argument('[file]', 'text file, or - for stdin', '-'),
  )
    .addOption(
      new Option(
        '--mode <mode>',
        'tag: [EMAIL]; redact: [REDACTED]; hash: [EMAIL:1a2b3c4d]; reversible: ' +
          '[EMAIL#1a2b3c4d5e6f7a8b], the original kept encrypted in the vault ' +
          '(default: guard.pii.mask)',
      ).choices(['tag', 'redact', 'hash', 'reversible']),
    )
    .option(
      '--vault <file>',
      'vault file for --mode reversible (default: guard.pii.vaultFile, else vault.json in the ' +
        'workspace)',
    )
    .option('--force', 'print the masked text even when the policy blocks it')
    .option('--no-log', 'do not record the decisions in the moderation log')
    .option('--json', 'print one JSON document with the masked text and the findings')
    .addHelpText(
      'after',
      `
Blocked text (abuse, injection from a user) is not printed; the command exits 1 and says why.
Reversible masking encrypts each original with MARKWERK_VAULT_KEY (64 hex digits or a
passphrase); \`markwerk guard unmask\` puts the originals back with the same key.

Examples:
  markwerk guard mask ticket.txt --lang de --direction in --source user
  cat notes.txt | markwerk guard mask - --mode hash
  MARKWERK_VAULT_KEY=... markwerk guard mask ticket.txt --mode reversible > ticket.masked.txt`,
    )
    .action(async (file: string, options: GuardMaskOptions, command: Command) => {
      await withGuard(command, options, async (engine, context) => {
        const text = await readText(file);
        const mode = options.mode ?? configuredReversible(context);
        const vault = mode === 'reversible' ? await openVault(context, options.vault) : undefined;
        await maskOne(
          engine,
          text,
          scanContext(options),
          { ...options, mode },
          {
            salt: personalDataConfigOf(context).hashSalt,
            vault,
          },
        );
      });
    });
}

/** `reversible` when the configuration asks for it; the engine's own style otherwise. */
function configuredReversible(context: CommandContext): MaskMode | undefined {
  return personalDataConfigOf(context).mask === 'reversible' ? 'reversible' : undefined;
}

/** Masks one text and prints it; a blocked text throws GUARD_BLOCKED unless forced. */
export async function maskOne(
  engine: GuardEngine,
  text: string,
  context: ScanOptions,
  options: Pick<GuardMaskOptions, 'mode' | 'json' | 'force'>,
  keys: { salt?: string | undefined; vault?: PiiVault | undefined } = {},
): Promise<string> {
  const result = await engine.scanText(text, context);
  const maskOptions = {
    ...(keys.salt === undefined ? {} : { salt: keys.salt }),
    ...(keys.vault ? { vault: keys.vault } : {}),
  };
  const masked = options.mode
    ? maskFindings(text, result.findings, options.mode, maskOptions)
    : result.masked;

  if (result.verdict === 'block' && !options.force) {
    const reasons = result.findings
      .filter((finding) => finding.action === 'block')
      .map((finding) => `${finding.type} (${finding.rule})`);
    throw new MarkwerkError(
      'GUARD_BLOCKED',
      `The policy blocks this text: ${[...new Set(reasons)].join(', ')}. ` +
        'Remove the blocked passages, or pass --force to print the masked text anyway.',
      { details: { reasons } },
    );
  }
  // Saved before anything is printed: a token on screen must always be restorable.
  await keys.vault?.save();
  if (options.json) {
    // The masked values stay out of the output too: only their type and offsets are shown.
    const findings = result.findings.map((finding) => {
      const { type, start, end, score, rule, action } = finding;
      const shown = { type, start, end, score, rule, action };
      return isMasked(finding) ? shown : { ...shown, text: finding.text };
    });
    printJson({ verdict: result.verdict, masked, findings });
  } else process.stdout.write(masked);
  return masked;
}
