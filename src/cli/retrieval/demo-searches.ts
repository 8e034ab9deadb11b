import type { RetrievalConfig } from '../../core/config-schema.js';
import type { Logger } from '../../core/logger.js';
import type { SearchResult } from '../../retrieval/hybrid/hybrid-search.js';
import { openRetrieval } from '../../retrieval/engine/open-retrieval.js';
import type { SqlClient } from '../../store/sql-client.js';
import { configuredEmbedder } from './retrieval-models.js';

/** Searches the demo runs on the sample brand, in both of its languages. */
export const DEMO_QUERIES = [
  { query: 'Wie wasche ich eine Hardshell-Jacke?', language: 'de' },
  { query: 'Sonnenschutz für Kinder', language: 'de' },
  { query: 'how do I fit a climbing harness', language: 'en' },
  { query: 'tent for stormy weather', language: 'en' },
] as const;

export interface DemoSearch {
  query: string;
  language: string;
  results: SearchResult[];
}

/** Builds the index of the demo's dataset and runs the demo queries in hybrid mode. */
export async function runDemoSearches(
  store: SqlClient,
  workspace: string,
  config: RetrievalConfig,
  logger: Logger,
): Promise<{ searches: DemoSearch[]; indexSeconds: number; chunks: number; weights: string }> {
  const embedder = await configuredEmbedder(config);
  try {
    const started = performance.now();
    const opened = await openRetrieval({
      store,
      workspace,
      config,
      logger,
      ...(embedder ? { embedder } : {}),
    });
    const indexSeconds = (performance.now() - started) / 1000;
    const searches: DemoSearch[] = [];
    for (const { query, language } of DEMO_QUERIES) {
      const results = await opened.search.search(query, {
        mode: embedder ? 'hybrid' : 'bm25',
        k: 3,
        language,
        fusion: config.fusion,
        weights: config.weights,
        perDocument: 1,
        candidates: config.candidates,
      });
      searches.push({ query, language, results });
    }
    const { bm25, dense } = config.weights;
    const weights = `${config.fusion} fusion, BM25 ${bm25}, dense ${dense}`;
    return { searches, indexSeconds, chunks: opened.index.catalog.size, weights };
  } finally {
    await embedder?.close();
  }
}

/** The demo's searches with each hit's BM25 and dense ranks, as the fusion saw them. */
export function describeDemoSearches(searches: DemoSearch[], weights: string): string {
  const lines = [
    'Hybrid search: BM25 and dense (Universal Sentence Encoder lite) scores, each scaled',
    `to [0, 1] over the candidates, then weighted and summed (${weights}).`,
    '',
  ];
  for (const search of searches) {
    lines.push(`  "${search.query}" [${search.language}]`);
    for (const result of search.results) {
      const { bm25, dense } = result.components;
      const ranks = [
        bm25 ? `BM25 #${bm25.rank} (${bm25.score.toFixed(2)})` : 'BM25 -',
        dense ? `dense #${dense.rank} (${dense.score.toFixed(3)})` : 'dense -',
      ].join(', ');
      lines.push(
        `    ${result.rank}. ${result.chunk.title}  ${result.score.toFixed(4)} = ${ranks}`,
        `       ${result.chunk.sourceUri}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
