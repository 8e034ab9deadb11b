import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import {
  indexFolder,
  openRetrieval,
  type OpenedRetrieval,
} from '../../retrieval/engine/open-retrieval.js';
import type { SqlClient } from '../../store/sql-client.js';
import type { CommandContext } from '../cli-context.js';
import { configuredEmbedder, configuredReranker } from './retrieval-models.js';

export interface WithRetrievalOptions {
  rerank?: boolean;
  version?: string;
  /** Only open when an index already exists on disk; otherwise return undefined. */
  onlyIfIndexed?: boolean;
  /** Delete the index on disk first, so it is built from scratch. */
  rebuild?: boolean;
}

/**
 * Opens search over the workspace with the configured embedder and reranker, runs `work`,
 * and closes the models whatever happens. Embedding progress goes to a terminal stderr.
 */
export async function withRetrieval<T>(
  context: CommandContext,
  store: SqlClient,
  options: WithRetrievalOptions,
  work: (opened: OpenedRetrieval) => Promise<T>,
): Promise<T | undefined> {
  const config = context.loaded.config.retrieval;
  const embedder = await configuredEmbedder(config);
  const reranker = options.rerank ? await configuredReranker(config) : undefined;
  try {
    const folder = indexFolder(context.loaded.workspace, embedder);
    if (options.onlyIfIndexed && !existsSync(folder)) return undefined;
    if (options.rebuild) await rm(folder, { recursive: true, force: true });
    const opened = await openRetrieval({
      store,
      workspace: context.loaded.workspace,
      config,
      logger: context.logger,
      ...(options.version ? { version: options.version } : {}),
      ...(embedder ? { embedder } : {}),
      ...(reranker ? { reranker } : {}),
      onProgress: (done, total) => {
        if (!process.stderr.isTTY) return;
        process.stderr.write(`\rembedding ${done}/${total}${done === total ? '\n' : ''}`);
      },
    });
    return await work(opened);
  } finally {
    await embedder?.close();
    await reranker?.close();
  }
}
