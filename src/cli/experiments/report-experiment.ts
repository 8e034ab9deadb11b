import {
  analyseExperiment,
  type ExperimentAnalysis,
} from '../../evaluation/experiments/analyse-experiment.js';
import { experimentEvents } from '../../store/repositories/experiment-events-repository.js';
import type { Experiment } from '../../store/repositories/experiments-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { requireExperiment } from './find-experiment.js';

/** The report of one experiment: its plan and the analysis at the current look. */
export interface ExperimentReport {
  experiment: Omit<Experiment, 'createdAt'> & { createdAt: string };
  analysis: ExperimentAnalysis;
}

/** Reads the experiment's events and analyses them at `now`. */
export async function buildExperimentReport(
  db: SqlExecutor,
  name: string,
  options: { now?: Date; resamples?: number } = {},
): Promise<ExperimentReport> {
  const experiment = await requireExperiment(db, name);
  const events = await experimentEvents(db, experiment.id);
  const analysis = analyseExperiment(experiment, events, options);
  return { experiment: { ...experiment, createdAt: experiment.createdAt.toISOString() }, analysis };
}

const percent = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(2)}%`);
const signed = (value: number, digits: number) =>
  `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

const elapsedDays = (analysis: ExperimentAnalysis) =>
  (Date.parse(analysis.analysedAt) - Date.parse(analysis.startedAt)) / 86_400_000;

/** The report as text for a terminal. */
export function describeExperimentReport(report: ExperimentReport): string {
  const { experiment, analysis } = report;
  const revenue = experiment.metric === 'revenue';
  const stopped = experiment.status === 'stopped' ? ', stopped: new users are not counted' : '';
  const lines = [
    `Experiment ${experiment.name} (${experiment.metric}, control ${analysis.control}, ` +
      `${experiment.assignmentMode} assignment${stopped})`,
    `Started ${analysis.startedAt}, ${elapsedDays(analysis).toFixed(1)} days ago; ` +
      `planned ${experiment.sampleSizePerArm} users per arm`,
    '',
    `${'variant'.padEnd(16)}${'users'.padStart(9)}${'successes'.padStart(11)}` +
      `${'rate'.padStart(9)}${'revenue/user'.padStart(14)}`,
  ];
  for (const variant of analysis.variants) {
    lines.push(
      `${variant.variant.padEnd(16)}${String(variant.users).padStart(9)}` +
        `${String(variant.successes).padStart(11)}${percent(variant.rate).padStart(9)}` +
        `${(variant.revenuePerUser?.toFixed(2) ?? '-').padStart(14)}`,
    );
  }
  lines.push('');
  for (const item of analysis.comparisons) {
    const scale = revenue ? 1 : 100;
    const unit = revenue ? '' : ' pp';
    const { lower, upper, level } = item.interval;
    lines.push(
      `${item.variant} vs ${item.control}: ${signed(item.absoluteUplift * scale, 2)}${unit} ` +
        `(${Math.round(level * 100)}% CI ${signed(lower * scale, 2)} to ` +
        `${signed(upper * scale, 2)}${unit}), z ${item.zStatistic.toFixed(2)}` +
        (analysis.look ? `, boundary ±${analysis.look.zBoundary.toFixed(2)}` : ''),
    );
  }
  if (analysis.look) {
    const { look, informationFraction, cumulativeAlpha } = analysis.look;
    lines.push(
      `Look ${look}: ${Math.round(informationFraction * 100)}% of the planned sample, ` +
        `alpha spent ${cumulativeAlpha.toPrecision(2)}`,
    );
  }
  lines.push(`Decision: ${analysis.decision.message}`);
  return `${lines.join('\n')}\n`;
}
