import { Command, CommanderError, Option } from 'commander';
import { describeError, isMarkwerkError } from '../core/errors.js';
import { registerConfigCommand } from './config-command.js';
import { registerDatasetsCommand } from './datasets-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerExperimentCommand } from './experiment-command.js';
import { registerGenerateCommand } from './generation/generate-command.js';
import { registerGuardCommand } from './guard-command.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerModelsCommand } from './models-command.js';
import { registerIndexCommand } from './retrieval/index-command.js';
import { registerSearchCommand } from './retrieval/search-command.js';

const program = new Command('markwerk')
  .description('Open, self-hosted marketing-AI engine: versioned brand data, grounded text.')
  .version('0.1.0')
  .option('-c, --config <file>', 'config file (default: ./markwerk.yaml if present)')
  .option('-w, --workspace <folder>', 'workspace folder (default: ./.markwerk)')
  .addOption(
    new Option('--log-level <level>', 'log level on stderr').choices([
      'debug',
      'info',
      'warn',
      'error',
      'silent',
    ]),
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerDemoCommand(program);
registerIngestCommand(program);
registerSearchCommand(program);
registerIndexCommand(program);
registerDatasetsCommand(program);
registerGenerateCommand(program);
registerGuardCommand(program);
registerEvalCommand(program);
registerExperimentCommand(program);
registerModelsCommand(program);
registerConfigCommand(program);

for (const command of program.commands) {
  command.exitOverride();
  for (const sub of command.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}

/** Prints an error for a person and returns the exit status (0, 1 failure, 2 usage). */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isMarkwerkError(error)) {
    process.stderr.write(`markwerk: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `markwerk: unexpected error: ${describeError(error)}\n` +
      'This is a bug; please report it with the command you ran. ' +
      'Set MARKWERK_DEBUG=1 to see the stack trace.\n',
  );
  if (process.env.MARKWERK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  return 1;
}
