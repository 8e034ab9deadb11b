/**
 * The red-team suite: adversarial inputs that the guard must flag or block. Each case names
 * the finding type it must produce and the mildest action that counts as caught.
 * @module
 */

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../core/errors.js';
import type { GuardEngine } from '../../guard/engine/create-guard-engine.js';
import { findingTypes, guardActions, stricterAction } from '../../guard/finding.js';
import { validatedLines } from '../evaluation/jsonl-input.js';

export const redteamCaseSchema = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    lang: z.enum(['en', 'de']),
    direction: z.enum(['in', 'out']).default('out'),
    source: z.string().optional(),
    category: z.string().optional(),
    channel: z.string().optional(),
    market: z.string().optional(),
    citations: z.array(z.object({ id: z.string(), text: z.string() })).optional(),
    /** What the attack tries; for the report only. */
    attack: z.string().optional(),
    expected: z
      .object({
        type: z.enum(findingTypes),
        /** The mildest action that counts as caught. Default `flag`. */
        action: z.enum(guardActions).default('flag'),
      })
      .strict(),
  })
  .strict();

export type RedteamCase = z.output<typeof redteamCaseSchema>;

export interface RedteamResult {
  id: string;
  file: string;
  lang: 'en' | 'de';
  attack?: string;
  expected: RedteamCase['expected'];
  caught: boolean;
  /** What the guard found, as `TYPE:action`. */
  found: string[];
}

export interface RedteamReport {
  cases: number;
  caught: number;
  missed: number;
  results: RedteamResult[];
}

/** Every `*.jsonl` file in `folder`, sorted by name. */
export function redteamFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw new UsageError(`${folder} cannot be read; give --cases a folder of .jsonl files.`, {
      folder,
    });
  }
  const files = names.filter((name) => name.endsWith('.jsonl')).sort();
  if (files.length === 0) {
    throw new UsageError(`${folder} has no .jsonl red-team files.`, { folder });
  }
  return files.map((name) => path.join(folder, name));
}

/** Runs every case of every file; a case is caught when the expected type meets its action. */
export async function runRedteam(engine: GuardEngine, files: string[]): Promise<RedteamReport> {
  const results: RedteamResult[] = [];

  for (const file of files) {
    for await (const testCase of validatedLines(file, redteamCaseSchema)) {
      const { id, text, expected, attack, ...context } = testCase;
      const scan = await engine.scanText(text, context);
      const caught = scan.findings.some(
        (finding) =>
          finding.type === expected.type &&
          stricterAction(finding.action, expected.action) === finding.action,
      );
      results.push({
        id,
        file: path.basename(file),
        lang: testCase.lang,
        ...(attack ? { attack } : {}),
        expected,
        caught,
        found: scan.findings.map((finding) => `${finding.type}:${finding.action}`),
      });
    }
  }

  const caught = results.filter((result) => result.caught).length;
  return { cases: results.length, caught, missed: results.length - caught, results };
}

/** The report for a person: the misses in full, then the totals per file. */
export function describeRedteam(report: RedteamReport): string {
  const lines: string[] = [];
  for (const result of report.results.filter((entry) => !entry.caught)) {
    const found = result.found.length ? result.found.join(', ') : 'nothing';
    lines.push(
      `MISSED ${result.file} ${result.id}: expected ${result.expected.type} ` +
        `(${result.expected.action} or stricter), found ${found}`,
    );
  }
  const byFile = new Map<string, { cases: number; caught: number }>();
  for (const result of report.results) {
    const entry = byFile.get(result.file) ?? { cases: 0, caught: 0 };
    entry.cases += 1;
    entry.caught += result.caught ? 1 : 0;
    byFile.set(result.file, entry);
  }
  for (const [file, entry] of byFile) lines.push(`${file}: ${entry.caught}/${entry.cases} caught`);
  lines.push(`Red team: ${report.caught}/${report.cases} caught, ${report.missed} missed`);
  return `${lines.join('\n')}\n`;
}
