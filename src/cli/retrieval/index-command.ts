import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { shortId } from '../../core/hash.js';
import { runJob } from '../../ops/jobs/run-job.js';
import { indexFolder } from '../../retrieval/engine/open-retrieval.js';
import type { SqlClient } from '../../store/sql-client.js';
import { recentJobs } from '../../store/repositories/jobs-repository.js';
import { commandContext, printJson, withStore, type CommandContext } from '../cli-context.js';
import { configuredEmbedder } from './retrieval-models.js';
import { withRetrieval } from './with-retrieval.js';

export function registerIndexCommand(program: Command): void {
  const index = program
    .command('index')
    .description('Inspect and rebuild the search index of the current dataset version');

  index
    .command('rebuild')
    .description('Rebuild the index from scratch as a recorded job (embeddings come from cache)')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const outcome = await withStore(context, (store) =>
        runJob(store, 'index-rebuild', { workspace: context.loaded.workspace }, () =>
          rebuild(context, store),
        ),
      );
      if (options.json) return printJson({ job: outcome.id, ...outcome.result });
      process.stdout.write(
        `Rebuilt the index of ${shortId(String(outcome.result.version))}: ` +
          `${outcome.result.chunks} chunks in ${outcome.result.seconds} s (job ${outcome.id}).\n`,
      );
    });

  index
    .command('status')
    .description('Show the index on disk and the latest rebuild jobs')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const config = context.loaded.config.retrieval;
      const embedder = await configuredEmbedder(config);
      const folder = indexFolder(context.loaded.workspace, embedder);
      await embedder?.close();
      const manifestFile = path.join(folder, 'manifest.json');
      const manifest = existsSync(manifestFile)
        ? JSON.parse(await readFile(manifestFile, 'utf8'))
        : null;
      const jobs = await withStore(context, (store) => recentJobs(store, 'index-rebuild', 5));
      if (options.json) return printJson({ folder, manifest, jobs });
      process.stdout.write(
        manifest
          ? `Index ${folder}\n  version ${manifest.versionId}\n  chunks ${manifest.chunkCount}\n` +
              `  built ${manifest.createdAt}\n`
          : `No index yet in ${folder}; the first search builds it.\n`,
      );
      for (const job of jobs) {
        process.stdout.write(
          `  job ${job.id} ${job.status} ${job.createdAt.toISOString()}` +
            `${job.error ? `: ${job.error}` : ''}\n`,
        );
      }
    });
}

async function rebuild(context: CommandContext, store: SqlClient) {
  const started = performance.now();
  const result = await withRetrieval(context, store, { rebuild: true }, async (opened) => ({
    version: opened.search.versionId,
    chunks: opened.index.catalog.size,
  }));
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  return { ...result!, seconds };
}
