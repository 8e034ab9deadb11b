import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadBeirDataset, type BeirDocument } from '../../evaluation/beir-dataset.js';
import { createLanguageDetector } from '../../ingest/process/language.js';
import { evaluateRetrieval } from '../../evaluation/evaluate-retrieval.js';
import type { SearchMode } from '../../retrieval/hybrid/hybrid-search.js';
import { corpusSearch } from '../../retrieval/engine/corpus-search.js';
import { cachedEmbedder } from '../../models/embedders/embedding-cache.js';
import { StoreEmbeddingCache } from '../../retrieval/engine/store-embedding-cache.js';
import { commandContext, printJson, withStore } from '../cli-context.js';
import { configuredEmbedder, configuredReranker } from './retrieval-models.js';

interface EvalRetrievalOptions {
  dataset: string;
  mode: SearchMode;
  rerank?: boolean;
  k: string;
  depth: string;
  language?: string;
  warmup?: boolean;
  json?: boolean;
}

export function registerEvalRetrievalCommand(evaluate: Command): void {
  evaluate
    .command('retrieval')
    .description('Measure retrieval on a BEIR-layout test set (nDCG as trec_eval computes it)')
    .requiredOption('--dataset <dir>', 'folder with corpus.jsonl, queries.jsonl and qrels')
    .addOption(
      new Option('--mode <mode>', 'retrieval mode')
        .choices(['bm25', 'dense', 'hybrid'])
        .default('hybrid'),
    )
    .option('--rerank', 'rerank the top candidates with the configured reranker')
    .option('--k <n>', 'cutoff for nDCG and MRR', '10')
    .option('--depth <n>', 'hits per query and the recall cutoff', '100')
    .option('--language <code>', 'language of the collection (default: detected)')
    .option('--warmup', 'run every query once, untimed, before timing them')
    .option('--json', 'print one JSON object')
    .addHelpText(
      'after',
      `
Prints dataset, mode, queries, ndcg@10, recall@100, mrr@10, index_ms, p50_ms, p95_ms.
Dense and hybrid modes embed the whole corpus with the configured embedder first.

Example:
  markwerk eval retrieval --dataset ../shared/datasets/scifact --mode bm25 --json`,
    )
    .action(async (options: EvalRetrievalOptions, command: Command) => {
      const k = wholeNumber(options.k, '--k');
      const depth = wholeNumber(options.depth, '--depth');
      const context = commandContext(command.optsWithGlobals());
      const config = context.loaded.config.retrieval;
      const dataset = await loadBeirDataset(options.dataset);
      const language = options.language ?? (await collectionLanguage(dataset.documents));

      const model = options.mode === 'bm25' ? undefined : await configuredEmbedder(config);
      if (options.mode !== 'bm25' && !model) {
        throw new UsageError(
          `--mode ${options.mode} needs an embedder; retrieval.embedder is none.`,
        );
      }
      const reranker = options.rerank ? await configuredReranker(config) : undefined;
      try {
        // Passage vectors are cached in the workspace's store, so later runs skip embedding.
        const result = await withStore(context, (store) => {
          const embedder = model && cachedEmbedder(model, new StoreEmbeddingCache(store, model));
          const system = corpusSearch({
            mode: options.mode,
            config,
            ...(language ? { language } : {}),
            ...(embedder ? { embedder } : {}),
            ...(reranker ? { reranker } : {}),
            onProgress: (done, total) => {
              if (process.stderr.isTTY) process.stderr.write(`\rembedding ${done}/${total}`);
            },
          });
          const warmup = options.warmup === true;
          return evaluateRetrieval(dataset, system, { k, depth, mode: options.mode, warmup });
        });
        if (process.stderr.isTTY && model) process.stderr.write('\n');
        if (options.json) return printJson(result);
        for (const [key, value] of Object.entries(result)) {
          const shown = typeof value === 'number' ? round(value) : value;
          process.stdout.write(`${key.padEnd(12)} ${shown}\n`);
        }
      } finally {
        await model?.close();
        await reranker?.close();
      }
    });
}

/** The language most of the first documents are in, when fastText is sure of it. */
async function collectionLanguage(documents: BeirDocument[]): Promise<string | undefined> {
  const detector = createLanguageDetector({ minConfidence: 0.6 });
  const counts = new Map<string, number>();
  for (const document of documents.slice(0, 100)) {
    const { language } = await detector.detect(`${document.title} ${document.text}`);
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[0] !== 'und' ? best[0] : undefined;
}

function wholeNumber(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a whole number of at least 1, not "${value}".`);
  }
  return number;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}
