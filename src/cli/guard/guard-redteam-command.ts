/**
 * `markwerk guard redteam`: runs the adversarial suite and fails when any input gets through.
 * @module
 */

import path from 'node:path';
import type { Command } from 'commander';
import { printJson } from '../cli-context.js';
import { packageRoot, samplePolicyFile } from './open-guard.js';
import { describeRedteam, redteamFiles, runRedteam } from './run-redteam.js';
import { withGuard } from './with-guard.js';

interface GuardRedteamOptions {
  cases?: string;
  policy?: string;
  json?: boolean;
}

/** The bundled suite. */
export const redteamFolder = path.join(packageRoot, 'samples', 'guard', 'redteam');

export function registerGuardRedteamCommand(guard: Command): void {
  guard
    .command('redteam')
    .description('Run the adversarial suite; exit 1 when any input passes the guard')
    .option('--cases <folder>', 'folder of red-team .jsonl files (default: the bundled suite)')
    .option(
      '--policy <file>',
      'brand policy YAML (default: as for scan, falling back to the sample policy)',
    )
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Each line of a case file: {"id","text","lang","direction"?,"source"?,"category"?,"channel"?,
"market"?,"expected":{"type","action"?}}; caught means a finding of that type with that action
or a stricter one. Decisions are not written to the moderation log.

Examples:
  markwerk guard redteam
  markwerk guard redteam --cases my-attacks/ --json`,
    )
    .action(async (options: GuardRedteamOptions, command: Command) => {
      const files = redteamFiles(path.resolve(options.cases ?? redteamFolder));
      await withGuard(
        command,
        { log: false, ...(options.policy ? { policy: options.policy } : {}) },
        async (engine) => {
          const report = await runRedteam(engine, files);
          if (options.json) printJson(report);
          else process.stdout.write(describeRedteam(report));
          if (report.missed > 0) process.exitCode = 1;
        },
        { fallbackPolicy: samplePolicyFile },
      );
    });
}
