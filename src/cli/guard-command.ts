import type { Command } from 'commander';
import { registerGuardMaskCommand } from './guard/guard-mask-command.js';
import { registerGuardRedteamCommand } from './guard/guard-redteam-command.js';
import { registerGuardScanCommand } from './guard/guard-scan-command.js';
import { registerGuardUnmaskCommand } from './guard/guard-unmask-command.js';

/** `markwerk guard scan|mask|unmask|redteam`. */
export function registerGuardCommand(program: Command): void {
  const guard = program
    .command('guard')
    .description(
      'Check text against the brand policy: personal data, claims, disclaimers, abuse, injection',
    );
  registerGuardScanCommand(guard);
  registerGuardMaskCommand(guard);
  registerGuardUnmaskCommand(guard);
  registerGuardRedteamCommand(guard);
}
