import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql-client.js';

function wrap(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await target.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, persisted in `dataDir`.
 * Pass `undefined` for an in-memory database (tests).
 */
export async function openPgliteClient(dataDir: string | undefined): Promise<SqlClient> {
  const database = await PGlite.create(dataDir);
  const executor = wrap(database);
  return {
    backend: 'pglite',
    query: executor.query,
    exec: executor.exec,
    transaction: (work) => database.transaction((tx) => work(wrap(tx))),
    close: () => database.close(),
  };
}
