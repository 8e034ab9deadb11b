import type { Command } from 'commander';
import { configJsonSchema } from '../core/config.js';
import { commandContext, printJson } from './cli-context.js';

export function registerConfigCommand(program: Command): void {
  const config = program.command('config').description('Inspect and validate configuration');

  config
    .command('schema')
    .description('Print the JSON Schema of the config file (for editor completion)')
    .action(() => printJson(configJsonSchema()));

  config
    .command('check')
    .description('Validate the config file and print the effective configuration')
    .action((_options: unknown, command: Command) => {
      const { loaded } = commandContext(command.optsWithGlobals());
      printJson({
        file: loaded.file ?? null,
        workspace: loaded.workspace,
        store: loaded.databaseUrl ? 'postgres' : 'pglite',
        config: loaded.config,
      });
    });
}
