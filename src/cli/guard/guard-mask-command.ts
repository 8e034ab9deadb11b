/**
 * `markwerk guard mask`: the text with everything the policy masks replaced.
 * @module
 */

import { Option, type Command } from 'commander';
import { MarkwerkError } from '../../core/errors.js';
import type { GuardEngine, ScanOptions } from '../../guard/engine/create-guard-engine.js';
import { maskFindings, type MaskMode } from '../../guard/engine/mask-findings.js';
import { printJson } from '../cli-context.js';
import { addGuardOptions, scanContext, type GuardCommonOptions } from './guard-options.js';
import { readText } from './read-text.js';
import { findingJson } from './guard-scan-command.js';
import { withGuard, type GuardRunOptions } from './with-guard.js';

export interface GuardMaskOptions extends GuardCommonOptions, GuardRunOptions {
  mode?: MaskMode;
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
        'tag: [EMAIL]; redact: [REDACTED]; hash: [EMAIL:1a2b3c4d] (default: guard.pii.mask)',
      ).choices(['tag', 'redact', 'hash']),
    )
    .option('--force', 'print the masked text even when the policy blocks it')
    .option('--no-log', 'do not record the decisions in the moderation log')
    .option('--json', 'print one JSON document with the masked text and the findings')
    .addHelpText(
      'after',
      `
Blocked text (abuse, injection from a user) is not printed; the command exits 1 and says why.

Examples:
  markwerk guard mask ticket.txt --lang de --direction in --source user
  cat notes.txt | markwerk guard mask - --mode hash`,
    )
    .action(async (file: string, options: GuardMaskOptions, command: Command) => {
      await withGuard(command, options, async (engine) => {
        const text = await readText(file);
        await maskOne(engine, text, scanContext(options), options);
      });
    });
}

/** Masks one text and prints it; a blocked text throws GUARD_BLOCKED unless forced. */
export async function maskOne(
  engine: GuardEngine,
  text: string,
  context: ScanOptions,
  options: Pick<GuardMaskOptions, 'mode' | 'json' | 'force'>,
): Promise<string> {
  const result = await engine.scanText(text, context);
  const masked = options.mode ? maskFindings(text, result.findings, options.mode) : result.masked;

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
  if (options.json) {
    printJson({ verdict: result.verdict, masked, findings: result.findings.map(findingJson) });
  } else process.stdout.write(masked);
  return masked;
}
