import type { SqlClient } from '../../store/sql-client.js';
import type { CommandContext } from '../cli-context.js';
import { withRetrieval } from './with-retrieval.js';

/**
 * After an ingest, brings an existing search index up to the new version (adding and
 * removing only the chunks that changed). Without an index nothing happens: the first
 * search builds one.
 */
export async function updateExistingIndex(context: CommandContext, store: SqlClient) {
  return withRetrieval(context, store, { onlyIfIndexed: true }, async (opened) => opened.changes);
}
