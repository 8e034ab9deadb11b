import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { experimentReportHtml } from '../evaluation/reports/experiment-report-html.js';
import { commandContext, printJson, withStore } from './cli-context.js';
import { assignUser } from './experiments/assign-user.js';
import { createExperiment, type CreateExperimentOptions } from './experiments/create-experiment.js';
import { describeExperimentList } from './experiments/list-experiments.js';
import { eventLines, recordEvents, type EventInput } from './experiments/record-events.js';
import {
  buildExperimentReport,
  describeExperimentReport,
} from './experiments/report-experiment.js';
import { stopExperiment } from './experiments/stop-experiment.js';
import { UsageError } from '../core/errors.js';
import { listExperiments } from '../store/repositories/experiments-repository.js';

interface RecordOptions {
  user?: string;
  event?: EventInput['event'];
  value?: string;
  at?: string;
  variant?: string;
  jsonl?: string;
  json?: boolean;
}

/** `markwerk experiment create|list|assign|record|report|stop`. */
export function registerExperimentCommand(program: Command): void {
  const experiment = program
    .command('experiment')
    .description('A/B/n tests and bandits: plan, assign users, record events, decide');

  experiment
    .command('create')
    .description('Plan an experiment and print the users each arm needs')
    .argument('<name>', 'experiment name (letters, digits, ".", "_", "-")')
    .requiredOption('--variants <names>', 'comma-separated variants; the first is the control')
    .option('--weights <numbers>', 'traffic weights per variant, e.g. 1,1 (default: equal)')
    .addOption(
      new Option('--metric <metric>', 'what counts as success')
        .choices(['conversion', 'click', 'revenue'])
        .default('conversion'),
    )
    .option('--mde <effect>', 'smallest absolute change worth detecting', '0.02')
    .option('--baseline <rate>', 'expected control rate (paying users for revenue)', '0.1')
    .option('--alpha <level>', 'two-sided significance level', '0.05')
    .option('--power <probability>', 'chance of detecting an effect of --mde', '0.8')
    .option('--min-days <days>', 'minimum run time before any stop', '7')
    .option('--bandit', 'assign by Thompson sampling instead of a fixed hash split')
    .option('--json', 'print one JSON document')
    .action(
      async (
        name: string,
        options: CreateExperimentOptions & { json?: boolean },
        command: Command,
      ) => {
        const context = commandContext(command.optsWithGlobals());
        const created = await withStore(context, (store) => createExperiment(store, name, options));
        if (options.json) return printJson(created);
        const variants = created.variants.map((variant) => variant.name).join(', ');
        process.stdout.write(
          `Created experiment ${created.name} (${variants}; ` +
            `${created.assignmentMode} assignment).\n` +
            `Sample size per arm: ${created.sampleSizePerArm} users to detect ` +
            `${created.minimumDetectableEffect} on a baseline of ${created.baselineRate} ` +
            `(alpha ${created.alpha}, power ${created.power}).\n`,
        );
      },
    );

  experiment
    .command('assign')
    .description('The variant a user sees (the same every time)')
    .argument('<name>', 'experiment name')
    .argument('<user-id>', 'your id for the user; stored only as a salted hash')
    .option('--json', 'print one JSON document')
    .action(async (name: string, userId: string, options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const assignment = await withStore(context, (store) => assignUser(store, name, userId));
      if (options.json) return printJson(assignment);
      process.stdout.write(`${assignment.variant}\n`);
      if (assignment.outsideExperiment) {
        process.stderr.write(
          `Experiment ${name} is stopped: new users see the control and are not counted.\n`,
        );
      }
    });

  experiment
    .command('list')
    .description('Every experiment with its status, metric, variants and assigned users')
    .option('--json', 'print one JSON document')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const experiments = await withStore(context, (store) => listExperiments(store));
      if (options.json) return printJson(experiments);
      process.stdout.write(describeExperimentList(experiments));
    });

  experiment
    .command('stop')
    .description('Stop an experiment: assigned users keep their variant, new users see the control')
    .argument('<name>', 'experiment name')
    .option('--json', 'print one JSON document')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const stopped = await withStore(context, (store) => stopExperiment(store, name));
      if (options.json) return printJson(stopped);
      process.stdout.write(
        stopped.wasRunning
          ? `Stopped experiment ${name}. Events of users assigned so far still count.\n`
          : `Experiment ${name} was already stopped.\n`,
      );
    });

  experiment
    .command('record')
    .description('Record what users did: impressions, clicks, conversions, revenue')
    .argument('<name>', 'experiment name')
    .option('--user <id>', 'user id, as given to assign')
    .addOption(
      new Option('--event <kind>', 'event kind').choices([
        'impression',
        'click',
        'conversion',
        'revenue',
      ]),
    )
    .option('--value <number>', 'revenue amount (required for revenue)')
    .option('--at <iso-time>', 'when it happened, e.g. 2026-12-03T10:00:00Z (default: now)')
    .option('--variant <name>', 'the variant shown, when assigned outside markwerk')
    .option('--jsonl <file>', 'many events: lines of {"user","event","value","at","variant"}')
    .option('--json', 'print one JSON document')
    .action(async (name: string, options: RecordOptions, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      if (options.jsonl && (options.user !== undefined || options.event !== undefined)) {
        throw new UsageError('Give either --jsonl FILE or --user and --event, not both.');
      }
      const inputs = options.jsonl ? eventLines(options.jsonl) : [singleEvent(options)];
      const result = await withStore(context, (store) => recordEvents(store, name, inputs));
      if (options.json) return printJson(result);
      const skipped =
        result.skipped === 0
          ? ''
          : ` Skipped ${result.skipped} of users who arrived after the experiment was stopped.`;
      process.stdout.write(`Recorded ${result.recorded} events in ${name}.${skipped}\n`);
    });

  experiment
    .command('report')
    .description('Counts, uplift with its interval, and whether to stop')
    .argument('<name>', 'experiment name')
    .option('--json', 'print one JSON document')
    .option('--html <file>', 'also write a self-contained HTML report')
    .action(async (name: string, options: { json?: boolean; html?: string }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const report = await withStore(context, (store) => buildExperimentReport(store, name));
      if (options.html) await writeFile(options.html, experimentReportHtml(report));
      if (options.json) printJson(report);
      else process.stdout.write(describeExperimentReport(report));
    });
}

/** The event given by flags; flags and --jsonl are exclusive. */
export function singleEvent(options: RecordOptions): EventInput {
  if (options.user === undefined || options.event === undefined) {
    throw new UsageError('Give --user and --event, or --jsonl FILE for many events.');
  }
  const value = options.value === undefined ? undefined : Number(options.value);
  if (value !== undefined && !Number.isFinite(value)) {
    throw new UsageError(`--value must be a number, not "${options.value}".`);
  }
  return {
    user: options.user,
    event: options.event,
    ...(value === undefined ? {} : { value }),
    ...(options.at === undefined ? {} : { at: options.at }),
    ...(options.variant === undefined ? {} : { variant: options.variant }),
  };
}
