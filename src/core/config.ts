import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type MarkwerkConfig } from './config-schema.js';
import { MarkwerkError } from './errors.js';

/** File names looked up, in order, in the working directory when no path is given. */
export const CONFIG_FILE_NAMES = ['markwerk.yaml', 'markwerk.yml', 'markwerk.json'];

export interface LoadedConfig {
  config: MarkwerkConfig;
  /** The file read, or undefined when the defaults were used. */
  file: string | undefined;
  /** Absolute workspace folder. */
  workspace: string;
  /** Effective PostgreSQL URL, or undefined for the embedded PGlite store. */
  databaseUrl: string | undefined;
}

export interface LoadConfigOptions {
  /** Explicit config file; it must exist. */
  file?: string;
  /** Overrides `workspace` from the file. */
  workspace?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads, validates and resolves the configuration. Fails at start-up with an error
 * that names the key, the value found and how to fix it.
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const file = findConfigFile(cwd, options.file);
  const raw = file === undefined ? {} : readConfigFile(file);
  const config = parseConfig(raw, file ?? '(defaults)');
  const base = file === undefined ? cwd : path.dirname(file);
  const workspace = path.resolve(
    options.workspace ? cwd : base,
    options.workspace ?? config.workspace,
  );
  const databaseUrl = env.DATABASE_URL || config.databaseUrl || undefined;
  return { config, file, workspace, databaseUrl };
}

/** Validates a parsed config object; `source` names it in errors. */
export function parseConfig(raw: unknown, source: string): MarkwerkConfig {
  const result = configSchema.safeParse(raw ?? {}, { reportInput: true });
  if (result.success) return result.data;

  const problems = result.error.issues.map(describeIssue);
  throw new MarkwerkError(
    'CONFIG_INVALID',
    `Invalid configuration in ${source}:\n${problems.map((line) => `  - ${line}`).join('\n')}\n` +
      'Fix the keys above; `markwerk config schema` prints every key with its default.',
    { details: { file: source, issues: result.error.issues.map(issueFacts) }, exitCode: 2 },
  );
}

function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) {
      throw new MarkwerkError(
        'CONFIG_UNREADABLE',
        `Config file ${file} does not exist. Check the --config path, or omit it to use defaults.`,
        { details: { file }, exitCode: 2 },
      );
    }
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
}

function readConfigFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const format = file.endsWith('.json') ? 'JSON' : 'YAML';
  try {
    return format === 'JSON' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new MarkwerkError(
      'CONFIG_UNREADABLE',
      `${file}${line ? `:${line}` : ''} is not valid ${format}: ` +
        `${(error as Error).message.split('\n')[0]}. Fix the syntax and run again.`,
      { details: { file, line }, cause: error, exitCode: 2 },
    );
  }
}

function keyOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length === 0 ? '' : `${keyOf(issue)}.`;
    const keys = issue.keys.map((key) => `${prefix}${key}`).join(', ');
    return `unknown key ${keys}: remove it or check its spelling against the schema`;
  }
  const value = JSON.stringify(issue.input);
  return `${keyOf(issue)} = ${value ?? 'missing'}: ${issue.message}`;
}

function issueFacts(issue: z.core.$ZodIssue): Record<string, unknown> {
  return { key: keyOf(issue), code: issue.code, message: issue.message, value: issue.input };
}

/** The config schema as JSON Schema (draft 2020-12), for editors and `$schema`. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
