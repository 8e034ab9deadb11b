import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../open-store.js';
import type { SqlClient } from '../sql-client.js';

export interface StoreBackend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(): Promise<SqlClient>;
}

/**
 * The backends the store suite runs against: PGlite always, and a PostgreSQL server
 * when TEST_DATABASE_URL is set (CI starts one). Each `open` gets its own schema.
 */
export function storeBackends(): StoreBackend[] {
  const backends: StoreBackend[] = [{ name: 'pglite', open: () => openStore({}) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  return backends;
}

async function openPostgresSchema(url: string): Promise<SqlClient> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();

  const client = await openStore({ databaseUrl: url, schema });
  return {
    ...client,
    async close() {
      await client.exec(`drop schema ${schema} cascade`);
      await client.close();
    },
  };
}
