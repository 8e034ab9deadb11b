/**
 * The workspace's knowledge as a fact source for generation: hybrid search over the current
 * dataset version's index, in the request's language. Generation without an index still
 * works, from the facts in the request alone.
 * @module
 */
import type { RetrievalConfig } from '../../core/config-schema.js';
import type { RetrievedFact } from '../../generation/generation-input.js';
import type { OpenedRetrieval } from '../../retrieval/engine/open-retrieval.js';
import { parseFilters } from '../../retrieval/hybrid/filters.js';
import type { SqlClient } from '../../store/sql-client.js';
import type { CommandContext } from '../cli-context.js';
import { withRetrieval } from '../retrieval/with-retrieval.js';

export interface Knowledge {
  version: string;
  retrieve(query: string, language: 'de' | 'en'): Promise<RetrievedFact[]>;
}

/** How many chunks a request is grounded on. */
const FACTS_PER_REQUEST = 5;

/**
 * Runs `work` with search over the workspace's index, or with no knowledge (and a warning)
 * when the workspace has no index or retrieval is turned off.
 */
export async function withKnowledge<T>(
  context: CommandContext,
  store: SqlClient,
  enabled: boolean,
  work: (knowledge: Knowledge | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return work(undefined);
  const config = context.loaded.config.retrieval;
  const indexed = await withRetrieval(context, store, { onlyIfIndexed: true }, async (opened) => ({
    value: await work(knowledgeOf(opened, config)),
  }));
  if (indexed) return indexed.value;

  context.logger.warn(
    { workspace: context.loaded.workspace },
    'no search index in this workspace; generating from the request alone. ' +
      'Run "markwerk ingest" and "markwerk index rebuild" to ground on your knowledge.',
  );
  return work(undefined);
}

function knowledgeOf(retrieval: OpenedRetrieval, config: RetrievalConfig): Knowledge {
  return {
    version: retrieval.search.versionId,
    async retrieve(query, language) {
      const results = await retrieval.search.search(query, {
        mode: 'hybrid',
        k: FACTS_PER_REQUEST,
        filters: parseFilters([`language=${language}`]),
        fusion: config.fusion,
        weights: config.weights,
        candidates: config.candidates,
        perDocument: 2,
        language,
      });
      return results.map((result) => ({
        id: result.id,
        text: result.chunk.text,
        ...(result.chunk.title ? { title: result.chunk.title } : {}),
        ...(result.chunk.language ? { language: result.chunk.language } : {}),
      }));
    },
  };
}
