import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { createLanguageDetector } from '../../ingest/process/language.js';
import { parseFilters } from '../../retrieval/hybrid/filters.js';
import type { SearchMode, SearchResult } from '../../retrieval/hybrid/hybrid-search.js';
import { commandContext, printJson, withStore } from '../cli-context.js';
import { describeResults } from './describe-results.js';
import { withRetrieval } from './with-retrieval.js';

interface SearchOptions {
  mode: SearchMode;
  rerank?: boolean;
  k: string;
  filter: string[];
  language?: string;
  datasetVersion?: string;
  diversity?: string;
  perDocument?: string;
  json?: boolean;
}

export function registerSearchCommand(program: Command): void {
  program
    .command('search')
    .description('Search the current dataset version: BM25, dense or hybrid, with citations')
    .argument('<query>', 'what to look for, in German or English')
    .addOption(
      new Option('--mode <mode>', 'retrieval mode')
        .choices(['bm25', 'dense', 'hybrid'])
        .default('hybrid'),
    )
    .option('--rerank', 'rerank the top candidates with the configured reranker')
    .option('--k <n>', 'number of results', '10')
    .option(
      '--filter <key=value>',
      'language, source, kind, product, category, version',
      collect,
      [],
    )
    .option('--language <code>', 'query language for BM25 analysis (default: detected)')
    .option('--per-document <n>', 'at most n chunks of one document (default: no limit)')
    .option('--diversity <lambda>', 'diversify results by MMR; λ from 0 (diverse) to 1 (relevant)')
    .option('--dataset-version <id>', 'dataset version to search (default: current)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
The index is built on first use and updated incrementally when the dataset changes.

Examples:
  markwerk search "Wanderschuhe einlaufen"
  markwerk search "waterproof jacket" --filter language=en --filter kind=product --k 5
  markwerk search "SPF 50" --mode bm25 --json`,
    )
    .action(async (query: string, options: SearchOptions, command: Command) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 1 || k > 1000) {
        throw new UsageError(`--k must be a whole number from 1 to 1000, not "${options.k}".`);
      }
      const filters = parseFilters(options.filter);
      const perDocument =
        options.perDocument === undefined ? undefined : Number(options.perDocument);
      if (perDocument !== undefined && !(Number.isInteger(perDocument) && perDocument >= 1)) {
        throw new UsageError(`--per-document must be a whole number of at least 1.`);
      }
      const diversity = options.diversity === undefined ? undefined : Number(options.diversity);
      if (diversity !== undefined && !(diversity >= 0 && diversity <= 1)) {
        throw new UsageError(
          `--diversity must be a number from 0 to 1, not "${options.diversity}".`,
        );
      }
      const context = commandContext(command.optsWithGlobals());
      const config = context.loaded.config.retrieval;

      const retrievalOptions = {
        rerank: options.rerank === true,
        ...(options.datasetVersion ? { version: options.datasetVersion } : {}),
      };
      const output = await withStore(context, (store) =>
        withRetrieval(context, store, retrievalOptions, async (opened) => {
          const language = options.language ?? (await detectQueryLanguage(query));
          const results = await opened.search.search(query, {
            mode: options.mode,
            k,
            filters,
            rerank: options.rerank === true,
            fusion: config.fusion,
            weights: config.weights,
            candidates: Math.max(k, config.candidates),
            ...(diversity !== undefined ? { diversity } : {}),
            ...(perDocument !== undefined ? { perDocument } : {}),
            ...(language ? { language } : {}),
          });
          return { version: opened.search.versionId, language, results };
        }),
      ).then((value) => value!);

      if (options.json)
        printJson({ query, mode: options.mode, ...output, results: output.results.map(toJson) });
      else process.stdout.write(describeResults(query, options.mode, output.results));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The query's language when fastText is fairly sure; BM25 analyses both otherwise. */
async function detectQueryLanguage(query: string): Promise<string | undefined> {
  const detected = await createLanguageDetector({ minConfidence: 0.6 }).detect(query);
  return detected.language === 'und' ? undefined : detected.language;
}

function toJson(result: SearchResult) {
  return {
    rank: result.rank,
    id: result.id,
    score: result.score,
    components: result.components,
    title: result.chunk.title,
    headingPath: result.chunk.headingPath,
    language: result.chunk.language,
    citation: {
      source: result.chunk.sourceUri,
      document: result.chunk.documentId,
      chunk: result.chunk.ordinal,
    },
    text: result.chunk.text,
  };
}
