import { coordinate, escapeHtml } from './escape-html.js';

/** One bar of a histogram: values in [from, to) (the last bin includes its upper edge). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins over [min, max] (default: the range of the values). Non-finite values are
 * left out. When every value is the same, one bin of width 0 holds them all.
 */
export function histogramBins(
  values: readonly number[],
  options: { bins?: number; min?: number; max?: number } = {},
): HistogramBin[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = options.min ?? Math.min(...finite);
  const max = options.max ?? Math.max(...finite);
  if (max === min) return [{ from: min, to: max, count: finite.length }];

  const count = Math.max(1, Math.floor(options.bins ?? 10));
  const width = (max - min) / count;
  const bins = Array.from({ length: count }, (_, index) => ({
    from: min + index * width,
    to: index === count - 1 ? max : min + (index + 1) * width,
    count: 0,
  }));
  for (const value of finite) {
    if (value < min || value > max) continue;
    const index = Math.min(count - 1, Math.floor((value - min) / width));
    bins[index]!.count += 1;
  }
  return bins;
}

const WIDTH = 520;
const HEIGHT = 220;
const MARGIN = { left: 44, right: 12, top: 24, bottom: 36 };

/** An inline SVG bar chart of histogram bins, with the axis range and the largest count. */
export function histogramSvg(bins: readonly HistogramBin[], title: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const barWidth = bins.length === 0 ? 0 : plotWidth / bins.length;
  const bars = bins.map((bin, index) => {
    const height = (bin.count / tallest) * plotHeight;
    const x = MARGIN.left + index * barWidth;
    const y = MARGIN.top + plotHeight - height;
    const label = `${bin.from.toPrecision(3)} to ${bin.to.toPrecision(3)}: ${bin.count}`;
    return (
      `<rect x="${coordinate(x + 1)}" y="${coordinate(y)}" width="${coordinate(barWidth - 2)}" ` +
      `height="${coordinate(height)}" fill="#0969da"><title>${escapeHtml(label)}</title></rect>`
    );
  });
  const first = bins[0];
  const last = bins.at(-1);
  const baseline = MARGIN.top + plotHeight;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
      `font-family="system-ui, sans-serif" ` +
      `aria-label="${escapeHtml(title)}">`,
    `<text x="${MARGIN.left}" y="16" font-size="13">${escapeHtml(title)}</text>`,
    ...bars,
    `<line x1="${MARGIN.left}" y1="${baseline}" x2="${WIDTH - MARGIN.right}" y2="${baseline}" ` +
      'stroke="#59636e"/>',
    `<text x="4" y="${MARGIN.top + 10}" font-size="11">${tallest}</text>`,
    first && last
      ? `<text x="${MARGIN.left}" y="${HEIGHT - 12}" font-size="11">` +
        `${escapeHtml(first.from.toPrecision(3))}</text>` +
        `<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 12}" font-size="11" ` +
        `text-anchor="end">${escapeHtml(last.to.toPrecision(3))}</text>`
      : `<text x="${MARGIN.left}" y="${HEIGHT / 2}" font-size="12">no values</text>`,
    '</svg>',
  ].join('\n');
}
