import { percentile } from '../percentile.js';
import { htmlPage, htmlTable, type PageSection } from './html-page.js';
import { histogramBins, histogramSvg, type HistogramBin } from './histogram.js';

/** Summary of one metric's per-item scores (ROUGE-L F, BLEU, BERTScore F1 and the like). */
export interface ScoreDistribution {
  metric: string;
  count: number;
  mean: number | null;
  min: number | null;
  median: number | null;
  p10: number | null;
  p90: number | null;
  max: number | null;
  bins: HistogramBin[];
}

/**
 * Summaries and histogram bins of per-item scores, one per metric, in the order given.
 * Non-finite scores (null BLEU of an empty line, say) are left out of every figure.
 * @example scoreDistributions({ rougeL: [0.4, 0.7], bleu: [12.5, 30.1] }, { bins: 20 })
 */
export function scoreDistributions(
  scores: Readonly<Record<string, readonly number[]>>,
  options: { bins?: number } = {},
): ScoreDistribution[] {
  return Object.entries(scores).map(([metric, values]) => {
    const finite = values.filter((value) => Number.isFinite(value));
    const figure = (value: number) => (finite.length === 0 ? null : value);
    return {
      metric,
      count: finite.length,
      mean: figure(finite.reduce((sum, value) => sum + value, 0) / finite.length),
      min: figure(Math.min(...finite)),
      median: figure(percentile(finite, 50)),
      p10: figure(percentile(finite, 10)),
      p90: figure(percentile(finite, 90)),
      max: figure(Math.max(...finite)),
      bins: histogramBins(finite, options),
    };
  });
}

const show = (value: number | null) => (value === null ? '-' : value.toPrecision(4));

/** A self-contained HTML page with a summary table and one histogram per metric. */
export function scoreDistributionHtml(
  title: string,
  distributions: readonly ScoreDistribution[],
  note?: string,
): string {
  const table = htmlTable(
    ['metric', 'items', 'mean', 'min', 'p10', 'median', 'p90', 'max'],
    distributions.map((item) => [
      item.metric,
      String(item.count),
      ...[item.mean, item.min, item.p10, item.median, item.p90, item.max].map(show),
    ]),
  );
  const sections: PageSection[] = [
    { heading: 'Summary', html: table },
    ...distributions.map((item) => ({
      heading: item.metric,
      html: histogramSvg(item.bins, `${item.metric}: ${item.count} items`),
    })),
  ];
  return htmlPage(title, sections, note);
}
