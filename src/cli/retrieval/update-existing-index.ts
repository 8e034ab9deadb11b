import { existsSync } from 'node:fs';
import { indexFolder, openRetrieval } from '../../retrieval/engine/open-retrieval.js';
import type { SqlClient } from '../../store/sql-client.js';
import type { CommandContext } from '../cli-context.js';
import { configuredEmbedder } from './retrieval-models.js';

/**
 * After an ingest, brings an existing search index up to the new version (adding and
 * removing only the chunks that changed). Without an index nothing happens: the first
 * search builds one.
 */
export async function updateExistingIndex(context: CommandContext, store: SqlClient) {
  const config = context.loaded.config.retrieval;
  const embedder = await configuredEmbedder(config);
  try {
    if (!existsSync(indexFolder(context.loaded.workspace, embedder))) return undefined;
    const opened = await openRetrieval({
      store,
      workspace: context.loaded.workspace,
      config,
      logger: context.logger,
      ...(embedder ? { embedder } : {}),
    });
    return opened.changes;
  } finally {
    await embedder?.close();
  }
}
