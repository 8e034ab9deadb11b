import type { Command } from 'commander';
import { shortId } from '../core/hash.js';
import type { DatasetCard } from '../ingest/datasets/dataset-card.js';
import { diffVersions } from '../ingest/datasets/diff-versions.js';
import { exportVersion } from '../ingest/datasets/export-version.js';
import {
  currentVersionId,
  listVersions,
  resolveVersion,
} from '../store/repositories/versions-repository.js';
import { commandContext, printJson, withStore } from './cli-context.js';
import { describeCard } from './describe-card.js';

export function registerDatasetsCommand(program: Command): void {
  const datasets = program
    .command('datasets')
    .description('List, inspect, compare and export dataset versions');

  datasets
    .command('list')
    .description('List dataset versions, newest first')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      await withStore(context, async (store) => {
        const versions = await listVersions(store);
        const current = await currentVersionId(store);
        const rows = versions.map((version) => {
          const card = version.card as unknown as DatasetCard;
          return {
            id: version.id,
            current: version.id === current,
            createdAt: version.createdAt.toISOString(),
            documents: card.counts.documents,
            chunks: card.counts.chunks,
            languages: card.languages,
          };
        });
        if (options.json) return printJson(rows);
        if (rows.length === 0) {
          process.stdout.write('No dataset versions yet. Run `markwerk ingest PATH` first.\n');
          return;
        }
        for (const row of rows) {
          const languages = Object.entries(row.languages)
            .map(([l, n]) => `${l}:${n}`)
            .join(' ');
          process.stdout.write(
            `${row.current ? '*' : ' '} ${shortId(row.id)}  ${row.createdAt}  ` +
              `${row.documents} documents  ${row.chunks} chunks  ${languages}\n`,
          );
        }
      });
    });

  datasets
    .command('show')
    .description('Show the dataset card of a version')
    .argument('[version]', 'version id or unique prefix', 'current')
    .option('--json', 'print the card as JSON')
    .action(async (reference: string, options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      await withStore(context, async (store) => {
        const version = await resolveVersion(store, reference);
        const card = version.card as unknown as DatasetCard;
        if (options.json) printJson(card);
        else process.stdout.write(describeCard(card));
      });
    });

  datasets
    .command('diff')
    .description('Show which sources were added, removed or changed between two versions')
    .argument('<from>', 'older version id or prefix')
    .argument('[to]', 'newer version id or prefix', 'current')
    .option('--json', 'print one JSON document')
    .action(async (from: string, to: string, options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      await withStore(context, async (store) => {
        const diff = await diffVersions(
          store,
          await resolveVersion(store, from),
          await resolveVersion(store, to),
        );
        if (options.json) return printJson(diff);
        const list = (sign: string, items: string[]) => items.map((item) => `${sign} ${item}\n`);
        process.stdout.write(
          [
            `${shortId(diff.from)} → ${shortId(diff.to)}: ${diff.added.length} added, ` +
              `${diff.removed.length} removed, ${diff.changed.length} changed, ` +
              `${diff.unchanged} unchanged\n`,
            ...list('+', diff.added),
            ...list('-', diff.removed),
            ...list('~', diff.changed),
          ].join(''),
        );
      });
    });

  datasets
    .command('export')
    .description('Export a version as a folder the Hugging Face Hub accepts (JSONL + README)')
    .argument('[version]', 'version id or unique prefix', 'current')
    .requiredOption('--out <folder>', 'folder to write; it must not exist unless --force')
    .option('--name <name>', 'dataset name in the card')
    .option('--force', 'replace the folder if it exists')
    .option('--json', 'print one JSON document')
    .action(async (reference: string, options: ExportOptions, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      await withStore(context, async (store) => {
        const version = await resolveVersion(store, reference);
        const result = await exportVersion(store, version, options.out, {
          ...(options.name ? { name: options.name } : {}),
          overwrite: options.force === true,
        });
        if (options.json) return printJson(result);
        process.stdout.write(
          `Exported ${shortId(version.id)} to ${result.folder}: ${result.documents} documents, ` +
            `${result.chunks} chunks.\nUpload with: huggingface-cli upload ORG/NAME ` +
            `${result.folder} --repo-type dataset\n`,
        );
      });
    });
}

interface ExportOptions {
  out: string;
  name?: string;
  force?: boolean;
  json?: boolean;
}
