import type { Command } from 'commander';
import { shortId } from '../core/hash.js';
import { runIngest, type IngestResult } from '../ingest/pipeline/run-ingest.js';
import { commandContext, printJson, withStore, type GlobalOptions } from './cli-context.js';
import { ingestProgress } from './ingest-progress.js';
import { interruptSignal } from './interrupt.js';
import { updateExistingIndex } from './retrieval/update-existing-index.js';

interface IngestOptions extends GlobalOptions {
  json?: boolean;
  progress?: boolean;
  index?: boolean;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Ingest files, folders and websites into a new dataset version')
    .argument('<inputs...>', 'files, folders, or http(s) URLs to crawl')
    .option('--json', 'print the result as one JSON document')
    .option('--no-progress', 'do not draw a progress bar on stderr')
    .option('--no-index', 'leave the search index as it is (the next search updates it)')
    .addHelpText(
      'after',
      `
Supported files: .md .html .txt .csv .json .jsonl (feeds are mapped in the config).
An interrupted run (Ctrl-C, crash, kill -9) resumes when you run the same command again.

Examples:
  markwerk ingest samples/
  markwerk ingest https://www.example.com/ --json`,
    )
    .action(async (inputs: string[], options: IngestOptions, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const progress = ingestProgress(options.progress !== false && !options.json);
      const result = await withStore(context, async (store) => {
        const ingested = await runIngest({
          store,
          config: context.loaded.config.ingest,
          inputs,
          logger: context.logger,
          onEvent: progress.onEvent,
          signal: interruptSignal(),
        }).finally(progress.stop);
        if (options.index !== false) await updateExistingIndex(context, store);
        return ingested;
      });
      if (options.json) printJson(result);
      else process.stdout.write(describeResult(result));
    });
}

function describeResult(result: IngestResult): string {
  const { card } = result;
  const version = shortId(result.versionId);
  const resumed = result.resumed ? ' (resumed run)' : '';
  const lines = [
    result.unchanged
      ? `Nothing changed: dataset version ${version} is still current.`
      : `Dataset version ${version} committed${resumed}.`,
    `  documents   ${card.counts.documents} kept of ${card.counts.documentsExtracted} extracted`,
    `  duplicates  ${card.counts.exactDuplicates} exact, ${card.counts.nearDuplicates} near`,
    `  chunks      ${card.counts.chunks} (${card.counts.tokens} tokens)`,
    `  languages   ${Object.entries(card.languages)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}`,
  ];
  if (card.sources.failed.length > 0) {
    lines.push(`  skipped     ${card.sources.failed.length} sources (see markwerk datasets show)`);
  }
  return `${lines.join('\n')}\n`;
}
