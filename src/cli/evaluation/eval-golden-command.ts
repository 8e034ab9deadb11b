/**
 * `markwerk eval golden SET`: generate every case of a golden set, check the expected
 * properties, and compare with the accepted baseline. Exits 1 on a regression, so CI can
 * gate a release on it; `--accept` makes the run the new baseline.
 * @module
 */
import path from 'node:path';
import type { Command } from 'commander';
import { MarkwerkError, UsageError } from '../../core/errors.js';
import {
  baselineFrom,
  baselinePathFor,
  readBaseline,
  writeBaseline,
} from '../../evaluation/golden/golden-baseline.js';
import { loadGoldenSet } from '../../evaluation/golden/golden-set.js';
import { runGoldenSet, type GoldenRunReport } from '../../evaluation/golden/run-golden-set.js';
import { loadGenerationAssets } from '../../generation/generation-config.js';
import { configFolder, commandContext, printJson, withStore } from '../cli-context.js';
import { modelsToUse, openGenerator } from '../generation/configured-generator.js';
import { openGuard, samplePolicyFile } from '../guard/open-guard.js';
import { goldenProducer } from './golden-producer.js';

interface EvalGoldenOptions {
  accept?: boolean;
  tolerance: string;
  policy?: string;
  json?: boolean;
}

export function registerEvalGoldenCommand(evaluation: Command): void {
  evaluation
    .command('golden')
    .description('Run a golden set and fail on a regression against its accepted baseline')
    .argument('<set>', 'golden set YAML file, e.g. samples/golden/product-copy.yaml')
    .option('--accept', 'store this run as the new baseline (beside the set file)')
    .option('--tolerance <points>', 'how far a score may fall before it regresses', '0.02')
    .option('--policy <file>', 'brand policy for disclaimers and the guard (default: config)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Cases are generated with the configured generator (the offline composer by default) from
their inputs alone, so runs are reproducible. Exit status: 0 no regression, 1 regression.

Examples:
  markwerk eval golden samples/golden/product-copy.yaml
  markwerk eval golden samples/golden/product-copy.yaml --accept`,
    )
    .action(async (setFile: string, options: EvalGoldenOptions, command: Command) => {
      const tolerance = Number(options.tolerance);
      if (!(tolerance >= 0 && tolerance <= 1)) {
        throw new UsageError(
          `--tolerance must be a number from 0 to 1, not "${options.tolerance}".`,
        );
      }
      const context = commandContext(command.optsWithGlobals());
      const set = loadGoldenSet(setFile);
      const baselineFile = baselinePathFor(setFile);
      const baseline = readBaseline(baselineFile);
      const generation = context.loaded.config.generation;
      const models = modelsToUse(generation, {});
      const baseFolder = configFolder(context);
      const assets = await loadGenerationAssets(generation, baseFolder);

      const report = await withStore(context, async (store) => {
        const generator = openGenerator(models, generation, store, {
          logger: context.logger,
          workspace: context.loaded.workspace,
          baseFolder,
        });
        const guard = await openGuard(context, {
          policy: options.policy,
          fallbackPolicy: samplePolicyFile,
        });
        try {
          const producer = goldenProducer({
            set,
            setFolder: path.dirname(path.resolve(setFile)),
            generator,
            assets,
            guard,
          });
          return await runGoldenSet(set, {
            produce: producer.produce,
            services: producer.services,
            tolerance,
            ...(baseline ? { baseline } : {}),
          });
        } finally {
          await guard.close();
          await generator.close?.();
        }
      });

      const generatorName = models.map((model) => model.name ?? model.provider).join(' > ');
      if (options.accept) {
        writeBaseline(baselineFile, baselineFrom(set, generatorName, report.cases, new Date()));
      }
      if (options.json) printJson({ ...report, baselineFile, accepted: options.accept === true });
      else process.stdout.write(describeGoldenRun(report, baselineFile, options.accept === true));

      if (options.accept) return;
      if (report.regressions.length > 0) {
        throw new MarkwerkError(
          'EVALUATION_REGRESSION',
          `${report.regressions.length} regression(s) against the baseline in ${baselineFile}. ` +
            'Fix the cause, or accept the new results with --accept after review.',
          { details: { regressions: report.regressions } },
        );
      }
      if (report.unaccepted.length > 0) {
        throw new MarkwerkError(
          'EVALUATION_REGRESSION',
          `${report.unaccepted.length} case(s) fail and no accepted baseline holds them ` +
            `(${report.unaccepted.join(', ')}). Fix them, or accept the results with --accept ` +
            'after review.',
          { details: { unaccepted: report.unaccepted } },
        );
      }
    });
}

function describeGoldenRun(report: GoldenRunReport, baselineFile: string, accepted: boolean) {
  const lines = [`golden set ${report.set} v${report.version}: ${report.cases.length} cases`];
  for (const outcome of report.cases) {
    const failed = outcome.checks.filter((check) => !check.passed);
    const detail = failed
      .map((check) => `${check.name}${check.note ? ` (${check.note})` : ''}`)
      .join(', ');
    lines.push(`  ${outcome.passed ? 'pass' : 'FAIL'} ${outcome.id}${detail ? `: ${detail}` : ''}`);
  }
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  const against = {
    compared: `compared with ${baselineFile}`,
    none: 'no baseline yet (run with --accept to store one)',
    'other-version': 'the baseline belongs to another version of the set; accept a new one',
  }[report.baseline];
  lines.push(`baseline: ${against}`);
  for (const regression of report.regressions) {
    const change =
      regression.kind === 'score-drop' ? ` ${regression.before} → ${regression.after}` : '';
    lines.push(`  REGRESSION ${regression.caseId} ${regression.check} ${regression.kind}${change}`);
  }
  for (const caseId of report.unaccepted) lines.push(`  UNACCEPTED ${caseId} fails`);
  if (accepted) lines.push(`accepted as the new baseline: ${baselineFile}`);
  return `${lines.join('\n')}\n`;
}
