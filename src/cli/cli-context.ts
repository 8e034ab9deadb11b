import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../core/config.js';
import { createLogger, type Logger } from '../core/logger.js';
import { openStore } from '../store/open-store.js';
import type { SqlClient } from '../store/sql-client.js';

/** Options every command accepts. */
export interface GlobalOptions {
  config?: string;
  workspace?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface CommandContext {
  loaded: LoadedConfig;
  logger: Logger;
}

/** The folder paths in the configuration are relative to: the config file's, else the cwd. */
export function configFolder(context: CommandContext): string {
  return context.loaded.file ? path.dirname(context.loaded.file) : process.cwd();
}

export function commandContext(options: GlobalOptions): CommandContext {
  const loaded = loadConfig({
    ...(options.config ? { file: options.config } : {}),
    ...(options.workspace ? { workspace: options.workspace } : {}),
  });
  const logger = createLogger(options.logLevel ?? loaded.config.logLevel);
  return { loaded, logger };
}

/** Opens the store for one command and always closes it, also on failure. */
export async function withStore<T>(
  context: CommandContext,
  work: (store: SqlClient) => Promise<T>,
): Promise<T> {
  const store = await openStore({
    workspace: context.loaded.workspace,
    ...(context.loaded.databaseUrl ? { databaseUrl: context.loaded.databaseUrl } : {}),
    logger: context.logger,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Writes one JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
