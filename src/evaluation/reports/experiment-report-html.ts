import type { ExperimentAnalysis } from '../experiments/analyse-experiment.js';
import { escapeHtml } from './escape-html.js';
import { htmlPage, htmlTable } from './html-page.js';
import { intervalChartSvg, type IntervalSeries } from './interval-chart.js';

/** The plan facts the page shows beside the analysis. */
export interface ExperimentReportInput {
  experiment: {
    name: string;
    metric: 'conversion' | 'click' | 'revenue';
    assignmentMode: 'hash' | 'thompson';
    variants: ReadonlyArray<{ name: string; weight: number }>;
    sampleSizePerArm: number;
    minRunDays: number;
    alpha: number;
  };
  analysis: ExperimentAnalysis;
}

/**
 * One experiment as a self-contained HTML page: the decision, counts and rates per variant,
 * uplift against the control with its interval, and that uplift day by day.
 */
export function experimentReportHtml(report: ExperimentReportInput): string {
  const { experiment, analysis } = report;
  const revenue = experiment.metric === 'revenue';
  const formatUplift = revenue
    ? (value: number) => value.toFixed(2)
    : (value: number) => `${(value * 100).toFixed(2)} pp`;
  const rate = (value: number | null) => (value === null ? '-' : `${(value * 100).toFixed(2)}%`);

  const variants = htmlTable(
    ['variant', 'weight', 'users', `users with ${experiment.metric}`, 'rate', 'revenue/user'],
    analysis.variants.map((variant) => [
      variant.variant,
      String(experiment.variants.find((item) => item.name === variant.variant)?.weight ?? ''),
      String(variant.users),
      String(variant.successes),
      rate(variant.rate),
      variant.revenuePerUser === null ? '-' : variant.revenuePerUser.toFixed(2),
    ]),
  );
  const comparisons = htmlTable(
    ['variant', 'uplift', 'relative', 'interval', 'z', 'p', 'method'],
    analysis.comparisons.map((item) => [
      `${item.variant} vs ${item.control}`,
      formatUplift(item.absoluteUplift),
      item.relativeUplift === null ? '-' : `${(item.relativeUplift * 100).toFixed(1)}%`,
      `${Math.round(item.interval.level * 100)}%: ${formatUplift(item.interval.lower)} to ` +
        formatUplift(item.interval.upper),
      item.zStatistic.toFixed(2),
      item.pValue.toPrecision(3),
      item.method,
    ]),
  );
  const series: IntervalSeries[] = analysis.variants.slice(1).map((variant) => ({
    label: `${variant.variant} vs ${analysis.control}`,
    points: analysis.daily
      .filter((point) => point.variant === variant.variant)
      .map((point) => ({
        x: point.day,
        y: point.absoluteUplift,
        lower: point.lower,
        upper: point.upper,
      })),
  }));
  const look = analysis.look;
  const lookText = look
    ? `Look ${look.look} on day ${look.elapsedDays.toFixed(1)}: ` +
      `${Math.round(look.informationFraction * 100)}% of ${experiment.sampleSizePerArm} ` +
      `planned users per arm; stop for significance when |z| ≥ ${look.zBoundary.toFixed(2)} ` +
      `(alpha spent ${look.cumulativeAlpha.toPrecision(2)} of ${look.alpha.toPrecision(2)}); ` +
      `minimum run time ${experiment.minRunDays} days.`
    : `No look yet: every variant needs users.`;

  return htmlPage(
    `Experiment ${experiment.name}`,
    [
      {
        heading: 'Decision',
        html:
          `<p class="decision">${escapeHtml(analysis.decision.message)}</p>\n` +
          `<p>${escapeHtml(lookText)}</p>`,
      },
      { heading: 'Variants', html: variants },
      { heading: `Uplift against ${analysis.control}`, html: comparisons },
      {
        heading: 'Uplift over time',
        html: intervalChartSvg(series, {
          title: `${revenue ? 'Revenue per user' : 'Rate'} difference with its interval, by day`,
          xLabel: 'day',
          formatY: formatUplift,
        }),
      },
    ],
    `Metric ${experiment.metric}, ${experiment.assignmentMode} assignment, started ` +
      `${analysis.startedAt}, analysed ${analysis.analysedAt}.`,
  );
}
