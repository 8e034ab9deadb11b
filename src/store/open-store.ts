import path from 'node:path';
import { MarkwerkError, describeError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';
import { migrate } from './migrate.js';
import { openPgliteClient } from './pglite-client.js';
import { openPostgresClient } from './postgres-client.js';
import type { SqlClient } from './sql-client.js';
import { lockWorkspace } from './workspace-lock.js';

export interface OpenStoreOptions {
  /** Workspace folder; the embedded database lives in `<workspace>/db`. */
  workspace?: string;
  /** PostgreSQL server URL; when set, the server is used instead of PGlite. */
  databaseUrl?: string;
  /** Postgres schema to work in (tests use one schema each). */
  schema?: string;
  logger?: Logger;
}

/**
 * Opens the system of record and migrates it. Without `workspace` and `databaseUrl`
 * the database is in memory (tests).
 */
export async function openStore(options: OpenStoreOptions): Promise<SqlClient> {
  const logger = options.logger ?? silentLogger;
  const client = options.databaseUrl
    ? await connectPostgres(options.databaseUrl, options.schema)
    : await openEmbedded(options.workspace);
  try {
    await migrate(client, logger);
  } catch (error) {
    await client.close();
    throw new MarkwerkError('STORE_FAILED', `Migrating the store failed: ${describeError(error)}`, {
      cause: error,
    });
  }
  return client;
}

async function openEmbedded(workspace: string | undefined): Promise<SqlClient> {
  if (workspace === undefined) return openPgliteClient(undefined);

  const unlock = lockWorkspace(workspace);
  try {
    const client = await openPgliteClient(path.join(workspace, 'db'));
    return {
      ...client,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw new MarkwerkError(
      'STORE_FAILED',
      `Could not open the embedded database in ${workspace}/db: ${describeError(error)}`,
      { cause: error, details: { workspace } },
    );
  }
}

async function connectPostgres(url: string, schema: string | undefined): Promise<SqlClient> {
  try {
    return await openPostgresClient(url, schema ? { schema } : {});
  } catch (error) {
    const where = safeUrl(url);
    throw new MarkwerkError(
      'STORE_FAILED',
      `Could not connect to PostgreSQL at ${where}: ${describeError(error)}. ` +
        'Check DATABASE_URL and that the server is running.',
      { cause: error, details: { url: where } },
    );
  }
}

/** The URL without its password, for messages and logs. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
