/**
 * The one database surface repositories use. Both adapters (PGlite in-process and a
 * PostgreSQL server through `pg`) speak the same SQL dialect, so repositories are
 * written once.
 * @module
 */

export interface SqlExecutor {
  /** Runs one parameterised statement ($1, $2, ...) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly backend: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** bytea arrives as Uint8Array from PGlite and as Buffer from pg; callers get Uint8Array. */
export function toBytes(value: unknown): Uint8Array | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`expected bytea, got ${typeof value}`);
}
