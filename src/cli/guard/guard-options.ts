/**
 * Options every `markwerk guard` subcommand shares, and how they become a scan context.
 * @module
 */

import { existsSync, readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { InputError, UsageError } from '../../core/errors.js';
import type { ScanOptions } from '../../guard/engine/create-guard-engine.js';
import type { GuardCitation } from '../../guard/engine/detector.js';
import type { GuardLanguage } from '../../guard/finding.js';

export interface GuardCommonOptions {
  lang: GuardLanguage;
  direction: 'in' | 'out';
  source?: string;
  policy?: string;
  category?: string;
  channel?: string;
  market?: string;
  sources?: string;
}

/** Adds the shared options to a subcommand. */
export function addGuardOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--lang <code>', 'language of the text').choices(['en', 'de']).default('en'),
    )
    .addOption(
      new Option('--direction <direction>', 'in: user or ingested text; out: generated copy')
        .choices(['in', 'out'])
        .default('out'),
    )
    .option('--source <source>', 'where the text comes from: user, retrieved, generated')
    .option(
      '--policy <file>',
      'brand policy YAML, or "none" ' +
        '(default: guard.policyFile, else brand/policy.yaml beside the config file)',
    )
    .option('--category <category>', 'product category for disclaimers, e.g. sun-protection')
    .option('--channel <channel>', 'web, email, social or print (default: the policy default)')
    .option('--market <code>', 'ISO 3166 market for approved claims, e.g. DE')
    .option('--sources <file>', 'JSON Lines of {"id","text"} passages to check grounding against');
}

const citationSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** The scan context the options describe; `--sources` is read here. */
export function scanContext(options: GuardCommonOptions): ScanOptions {
  return {
    lang: options.lang,
    direction: options.direction,
    ...(options.source ? { source: options.source } : {}),
    ...(options.category ? { category: options.category } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.market ? { market: options.market.toUpperCase() } : {}),
    ...(options.sources ? { citations: readCitations(options.sources) } : {}),
  };
}

function readCitations(file: string): GuardCitation[] {
  if (!existsSync(file)) {
    throw new UsageError(`${file} does not exist; give --sources a JSON Lines file.`, { file });
  }
  const citations: GuardCitation[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new InputError('invalid JSON; each line is {"id","text"}', { file, line: index + 1 });
      }
      const parsed = citationSchema.safeParse(value);
      if (!parsed.success) {
        throw new InputError('each line needs "id" and "text"', { file, line: index + 1 });
      }
      citations.push({ id: String(parsed.data.id), text: parsed.data.text });
    });
  return citations;
}
