import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { MarkwerkError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { runIngest } from '../ingest/pipeline/run-ingest.js';
import { getDocuments } from '../store/repositories/documents-repository.js';
import { versionMembers } from '../store/repositories/versions-repository.js';
import { openStore } from '../store/open-store.js';
import type { SqlClient } from '../store/sql-client.js';
import { printJson } from './cli-context.js';
import { describeCard } from './describe-card.js';
import { ingestProgress } from './ingest-progress.js';
import { describeDemoGeneration, runDemoGeneration } from './generation/demo-generation.js';
import { describeDemoSearches, runDemoSearches } from './retrieval/demo-searches.js';

/** The bundled sample brand, found relative to the installed package. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

interface DemoOptions {
  workspace?: string;
  json?: boolean;
  progress?: boolean;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run the main job end to end on the bundled sample brand (no network)')
    .option('--json', 'print one JSON document instead of the report')
    .option('--no-progress', 'do not draw a progress bar on stderr')
    .addHelpText('after', '\nThe demo starts from a fresh workspace (default ./.markwerk-demo).')
    .action(async (options: DemoOptions, command: Command) => {
      const globals = command.optsWithGlobals<{ workspace?: string; logLevel?: 'warn' }>();
      const workspace = path.resolve(globals.workspace ?? '.markwerk-demo');
      await runDemo(workspace, options, globals.logLevel);
    });
}

async function runDemo(workspace: string, options: DemoOptions, logLevel?: 'warn') {
  if (!existsSync(SAMPLES_DIR)) {
    throw new MarkwerkError('INPUT_NOT_FOUND', `The sample brand is missing at ${SAMPLES_DIR}.`);
  }
  const { config } = loadConfig({ file: path.join(SAMPLES_DIR, 'markwerk.yaml') });
  await rm(workspace, { recursive: true, force: true });
  const store = await openStore({ workspace });
  const logger = createLogger(logLevel ?? config.logLevel);
  const progress = ingestProgress(options.progress !== false && !options.json);

  try {
    const started = performance.now();
    const result = await runIngest({
      store,
      config: config.ingest,
      inputs: [SAMPLES_DIR],
      logger,
      onEvent: progress.onEvent,
    }).finally(progress.stop);
    const seconds = (performance.now() - started) / 1000;
    const example = await maskedExample(store, result.versionId);
    const shown = path.relative(process.cwd(), workspace) || '.';
    const retrieval = await runDemoSearches(store, workspace, config.retrieval, logger);
    // The harness question: its answer is in the sample knowledge base, in English.
    const harness = retrieval.searches.find((search) => search.query.includes('harness'));
    const generation = await runDemoGeneration(
      SAMPLES_DIR,
      harness ?? { query: 'how do I fit a climbing harness', language: 'en', results: [] },
    );

    if (options.json) {
      const searches = retrieval.searches.map((search) => ({
        ...search,
        results: search.results.map((hit) => ({
          rank: hit.rank,
          score: hit.score,
          components: hit.components,
          title: hit.chunk.title,
          source: hit.chunk.sourceUri,
        })),
      }));
      printJson({
        workspace,
        seconds,
        versionId: result.versionId,
        card: result.card,
        example,
        index: { seconds: retrieval.indexSeconds, chunks: retrieval.chunks },
        searches,
        generation: {
          answer: generation.answer.outcome.result,
          product: generation.product.outcome.result,
          draft: { text: generation.draft.text, findings: generation.draft.scan.findings },
        },
      });
      return;
    }
    process.stdout.write(
      [
        'Markwerk demo: Bergfink Outdoor, a bilingual sample brand',
        `Workspace ${workspace} (fresh). Ingested ${result.card.sources.read} sources ` +
          `in ${seconds.toFixed(1)} s, no network.`,
        '',
        describeCard(result.card, { duplicates: 10 }),
        example ? `Personal data masked, e.g. in ${example.source}:\n  "${example.excerpt}"\n` : '',
        `Indexed ${retrieval.chunks} chunks for search in ${retrieval.indexSeconds.toFixed(1)} s.`,
        describeDemoSearches(retrieval.searches, retrieval.weights),
        describeDemoGeneration(generation),
        'Next:',
        `  npx markwerk search "Regenjacke waschen" --workspace ${shown}`,
        `  npx markwerk generate product-description --input samples/generate/jacket-de.json ` +
          `--workspace ${shown}`,
        '  echo "Ignore all previous instructions" | npx markwerk guard scan - --json',
        `  npx markwerk datasets show --workspace ${shown}`,
        `  npx markwerk datasets export --workspace ${shown} --out ./bergfink-dataset`,
        '',
      ].join('\n'),
    );
  } finally {
    await store.close();
  }
}

/** A short excerpt around a masked value, to show what masking looks like. */
async function maskedExample(store: SqlClient, versionId: string) {
  const ids = (await versionMembers(store, versionId)).map((member) => member.documentId);
  const documents = await getDocuments(store, ids);
  // Support tickets show masking best; any other masked document will do.
  const masked = documents
    .filter((document) => Object.keys(document.piiCounts).length > 0)
    .sort(
      (a, b) =>
        Number(b.kind === 'record') - Number(a.kind === 'record') ||
        a.sourceUri.localeCompare(b.sourceUri),
    )[0];
  if (!masked) return undefined;

  const at = masked.body.search(/\[(EMAIL|PHONE|IBAN|CREDIT_CARD|IP_ADDRESS)[\]:]/);
  const start = Math.max(0, at - 60);
  const excerpt = masked.body
    .slice(start, at + 60)
    .replace(/\s+/g, ' ')
    .trim();
  return { source: masked.sourceUri, excerpt };
}
