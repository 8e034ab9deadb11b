import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client.js';

// Postgres returns int8 and numeric as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function wrap(target: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await target.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  };
}

export interface PostgresClientOptions {
  /** Sets `search_path`, so a test can work in a schema of its own. */
  schema?: string;
  maxConnections?: number;
}

/** A PostgreSQL server store through a `pg` connection pool. */
export async function openPostgresClient(
  connectionString: string,
  options: PostgresClientOptions = {},
): Promise<SqlClient> {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 4,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const probe = await pool.connect();
  probe.release();
  const executor = wrap(pool);

  return {
    backend: 'postgres',
    query: executor.query,
    exec: executor.exec,
    async transaction(work) {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const result = await work(wrap(connection));
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
