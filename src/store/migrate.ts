import type { Logger } from '../core/logger.js';
import { silentLogger } from '../core/logger.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';
import type { SqlClient } from './sql-client.js';

// An arbitrary constant that keys the advisory lock, so two processes never migrate at once.
const MIGRATION_LOCK_KEY = 7_346_112;

/**
 * Brings the schema up to date, one transaction per migration. Returns the versions applied.
 * Refuses to run against a database newer than this code.
 */
export async function migrate(
  client: SqlClient,
  logger: Logger = silentLogger,
  migrations: Migration[] = allMigrations,
): Promise<number[]> {
  await client.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);

  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await client.transaction(async (tx) => {
      if (client.backend === 'postgres') {
        await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      }
      const existing = await tx.query('select 1 from schema_migrations where version = $1', [
        migration.version,
      ]);
      if (existing.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) {
      applied.push(migration.version);
      logger.info({ version: migration.version, name: migration.name }, 'migration-applied');
    }
  }

  await assertNotNewer(client, migrations);
  return applied;
}

async function assertNotNewer(client: SqlClient, migrations: Migration[]): Promise<void> {
  const [row] = await client.query<{ latest: number | null }>(
    'select max(version) as latest from schema_migrations',
  );
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  if (row?.latest !== null && row?.latest !== undefined && row.latest > known) {
    throw new Error(
      `The database schema is at version ${row.latest}, ` +
        `newer than this Markwerk knows (${known}). ` +
        'Upgrade Markwerk, or point it at another workspace.',
    );
  }
}
