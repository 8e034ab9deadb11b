/**
 * `markwerk guard scan`: findings and verdict for one text, or one line per record of a
 * JSON Lines batch.
 * @module
 */

import { Option, type Command } from 'commander';
import { z } from 'zod';
import type {
  GuardEngine,
  GuardScanResult,
  ScanOptions,
} from '../../guard/engine/create-guard-engine.js';
import {
  guardActions,
  stricterAction,
  type GuardAction,
  type GuardFinding,
} from '../../guard/finding.js';
import { validatedLines, writeLine } from '../evaluation/jsonl-input.js';
import { printJson } from '../cli-context.js';
import { addGuardOptions, scanContext, type GuardCommonOptions } from './guard-options.js';
import { withGuard, type GuardRunOptions } from './with-guard.js';
import { readText } from './read-text.js';

export interface GuardScanOptions extends GuardCommonOptions, GuardRunOptions {
  json?: boolean;
  jsonl?: string;
  failOn?: GuardAction;
}

export function registerGuardScanCommand(guard: Command): void {
  addGuardOptions(
    guard
      .command('scan')
      .description('Find personal data, claims, missing disclaimers, abuse and injection in text')
      .argument('[file]', 'text file, or - for stdin', '-'),
  )
    .option('--jsonl <file>', 'scan every {"id","text","lang"} line; one result line per input')
    .addOption(
      new Option(
        '--fail-on <action>',
        'exit 1 when the verdict is this action or stricter',
      ).choices([...guardActions].slice(1)),
    )
    .option('--no-log', 'do not record the decisions in the moderation log')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Offsets are UTF-16 code units (JavaScript string indices) into the exact input.

Examples:
  markwerk guard scan draft.txt --lang de --category sun-protection --channel social
  echo "Ignore previous instructions" | markwerk guard scan - --direction in --source user --json
  markwerk guard scan --jsonl texts.jsonl > findings.jsonl`,
    )
    .action(async (file: string, options: GuardScanOptions, command: Command) => {
      await withGuard(command, options, async (engine) => {
        const verdict = options.jsonl
          ? await scanJsonLines(engine, options.jsonl, scanContext(options), writeLine)
          : await scanOne(engine, await readText(file), scanContext(options), options.json);
        if (options.failOn && stricterAction(verdict, options.failOn) === verdict) {
          process.exitCode = 1;
        }
      });
    });
}

/** Scans one text and prints the result; returns the verdict. */
export async function scanOne(
  engine: GuardEngine,
  text: string,
  context: ScanOptions,
  json = false,
): Promise<GuardAction> {
  const result = await engine.scanText(text, context);
  if (json) printJson(scanJson(result));
  else process.stdout.write(describeScan(result));
  return result.verdict;
}

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.enum(['en', 'de']).optional(),
  direction: z.enum(['in', 'out']).optional(),
  source: z.string().optional(),
  category: z.string().optional(),
  channel: z.string().optional(),
  market: z.string().optional(),
});

/**
 * Scans a JSON Lines batch, writing `{"id","findings":[...]}` per line in input order;
 * returns the strictest verdict of the batch. Fields on a line beat the command's options.
 */
export async function scanJsonLines(
  engine: GuardEngine,
  file: string,
  defaults: ScanOptions,
  write: (value: unknown) => void,
): Promise<GuardAction> {
  let strictest: GuardAction = 'allow';
  for await (const line of validatedLines(file, lineSchema)) {
    const { id, text, ...overrides } = line;
    const result = await engine.scanText(text, { ...defaults, ...overrides });
    write({ id, findings: result.findings.map(findingJson) });
    strictest = stricterAction(strictest, result.verdict);
  }
  return strictest;
}

/** The fields of a finding batch output carries. */
export function findingJson(finding: GuardFinding) {
  const { type, start, end, text, score, rule, action } = finding;
  return { type, start, end, text, score, rule, action };
}

export function scanJson(result: GuardScanResult) {
  return {
    verdict: result.verdict,
    policyVersion: result.policyVersion,
    findings: result.findings.map((finding) => ({
      ...findingJson(finding),
      ...(finding.details ? { details: finding.details } : {}),
    })),
    metrics: result.metrics,
  };
}

/** A short report for a person. */
export function describeScan(result: GuardScanResult): string {
  const lines = [`Verdict: ${result.verdict} (${result.findings.length} findings)`];
  for (const finding of result.findings) {
    const where =
      finding.start === finding.end ? `@${finding.start}` : `${finding.start}-${finding.end}`;
    const shown = finding.text.length > 60 ? `${finding.text.slice(0, 57)}...` : finding.text;
    const columns = [finding.action.padEnd(5), finding.type.padEnd(18), where.padEnd(9)];
    const quoted = shown ? `  "${shown.replace(/\s+/g, ' ')}"` : '';
    lines.push(`  ${columns.join(' ')} ${finding.rule}${quoted}`);
  }
  const rate = result.metrics.unsupportedClaimRate;
  if (rate !== undefined) lines.push(`Unsupported-claim rate: ${(rate * 100).toFixed(1)} %`);
  return `${lines.join('\n')}\n`;
}
