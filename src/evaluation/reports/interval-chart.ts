import { coordinate, escapeHtml } from './escape-html.js';

/** An estimate with its interval at one x position (e.g. a day). */
export interface IntervalPoint {
  x: number;
  y: number;
  lower: number;
  upper: number;
}

export interface IntervalSeries {
  label: string;
  points: readonly IntervalPoint[];
}

export interface IntervalChartOptions {
  title: string;
  xLabel: string;
  /** Formats y values for the axis labels, e.g. as percentage points. */
  formatY?: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { left: 64, right: 16, top: 28, bottom: 44 };
const COLOURS = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e'];

/**
 * An inline SVG of estimates over x with error bars for their intervals and a dashed zero
 * line: for an experiment, uplift and its confidence interval per day. Several series are
 * drawn side by side, each in its own colour with a legend.
 */
export function intervalChartSvg(
  series: readonly IntervalSeries[],
  options: IntervalChartOptions,
): string {
  const format = options.formatY ?? ((value: number) => value.toPrecision(3));
  const points = series.flatMap((item) => item.points).filter(isFinitePoint);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const header = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" ` +
      `font-family="system-ui, sans-serif" ` +
      `aria-label="${escapeHtml(options.title)}">`,
    `<text x="${MARGIN.left}" y="18" font-size="13">${escapeHtml(options.title)}</text>`,
  ];
  if (points.length === 0) {
    return [
      ...header,
      `<text x="${MARGIN.left}" y="${HEIGHT / 2}">no data yet</text>`,
      '</svg>',
    ].join('\n');
  }

  const xMin = Math.min(...points.map((point) => point.x));
  const xMax = Math.max(...points.map((point) => point.x));
  let yMin = Math.min(0, ...points.map((point) => point.lower));
  let yMax = Math.max(0, ...points.map((point) => point.upper));
  if (yMax === yMin) [yMin, yMax] = [yMin - 1, yMax + 1];
  const slot = plotWidth / (xMax - xMin + 1);
  const toX = (x: number, seriesIndex: number) =>
    MARGIN.left + (x - xMin + 0.5) * slot + (seriesIndex - (series.length - 1) / 2) * 6;
  const toY = (y: number) => MARGIN.top + ((yMax - y) / (yMax - yMin)) * plotHeight;

  const marks = series.flatMap((item, seriesIndex) => {
    const colour = COLOURS[seriesIndex % COLOURS.length]!;
    const visible = item.points.filter(isFinitePoint);
    const path = visible
      .map((point, index) => {
        const x = coordinate(toX(point.x, seriesIndex));
        return `${index === 0 ? 'M' : 'L'}${x},${coordinate(toY(point.y))}`;
      })
      .join(' ');
    const bars = visible.map((point) => {
      const x = coordinate(toX(point.x, seriesIndex));
      const label =
        `${item.label}, ${options.xLabel} ${point.x}: ${format(point.y)} ` +
        `(${format(point.lower)} to ${format(point.upper)})`;
      return (
        `<g><title>${escapeHtml(label)}</title>` +
        `<line x1="${x}" y1="${coordinate(toY(point.lower))}" x2="${x}" ` +
        `y2="${coordinate(toY(point.upper))}" stroke="${colour}" stroke-width="2"/>` +
        `<circle cx="${x}" cy="${coordinate(toY(point.y))}" r="3" fill="${colour}"/></g>`
      );
    });
    const legendY = MARGIN.top + 4 + seriesIndex * 14;
    const legend =
      `<rect x="${WIDTH - 150}" y="${legendY}" width="10" height="10" fill="${colour}"/>` +
      `<text x="${WIDTH - 136}" y="${legendY + 9}" font-size="11">${escapeHtml(item.label)}</text>`;
    return [
      `<path d="${path}" fill="none" stroke="${colour}" stroke-opacity="0.5"/>`,
      ...bars,
      legend,
    ];
  });

  const zero = coordinate(toY(0));
  const bottom = MARGIN.top + plotHeight;
  return [
    ...header,
    `<line x1="${MARGIN.left}" y1="${zero}" x2="${WIDTH - MARGIN.right}" y2="${zero}" ` +
      'stroke="#59636e" stroke-dasharray="4 3"/>',
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" ` +
      'stroke="#59636e"/>',
    `<text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" font-size="11" text-anchor="end">` +
      `${escapeHtml(format(yMax))}</text>`,
    `<text x="${MARGIN.left - 6}" y="${bottom}" font-size="11" text-anchor="end">` +
      `${escapeHtml(format(yMin))}</text>`,
    `<text x="${MARGIN.left - 6}" y="${Number(zero) + 4}" font-size="11" text-anchor="end">` +
      `${escapeHtml(format(0))}</text>`,
    `<text x="${coordinate(toX(xMin, 0))}" y="${HEIGHT - 22}" font-size="11" ` +
      `text-anchor="middle">${xMin}</text>`,
    `<text x="${coordinate(toX(xMax, 0))}" y="${HEIGHT - 22}" font-size="11" ` +
      `text-anchor="middle">${xMax}</text>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 6}" font-size="12" ` +
      `text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    ...marks,
    '</svg>',
  ].join('\n');
}

function isFinitePoint(point: IntervalPoint): boolean {
  return [point.x, point.y, point.lower, point.upper].every((value) => Number.isFinite(value));
}
