import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../experiments/analyse-experiment.js';
import { escapeHtml } from './escape-html.js';
import { experimentReportHtml } from './experiment-report-html.js';
import { histogramBins } from './histogram.js';
import { scoreDistributionHtml, scoreDistributions } from './score-distribution-report.js';

const hostile = `<script>alert("x")</script>&'`;

/** Nothing in the page may load or run anything. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\s(src|href)=/i);
  expect(html).not.toMatch(/url\(/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
}

describe('report builders', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  });

  it('bins scores into equal-width bins, the top edge in the last bin', () => {
    const bins = histogramBins([0, 0.1, 0.5, 0.99, 1, Number.NaN], { bins: 4 });
    expect(bins.map((bin) => bin.count)).toEqual([2, 0, 1, 2]);
    expect(bins[3]).toMatchObject({ from: 0.75, to: 1 });
    expect(histogramBins([0.3, 0.3])).toEqual([{ from: 0.3, to: 0.3, count: 2 }]);
    expect(histogramBins([])).toEqual([]);
  });

  it('summarises per-item scores and draws one histogram per metric', () => {
    const distributions = scoreDistributions(
      { rougeL: [0.2, 0.4, 0.6, 0.8], [hostile]: [] },
      { bins: 5 },
    );
    expect(distributions[0]).toMatchObject({ metric: 'rougeL', count: 4, mean: 0.5, min: 0.2 });
    expect(distributions[1]).toMatchObject({ count: 0, mean: null, bins: [] });

    const html = scoreDistributionHtml(`Golden set ${hostile}`, distributions);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Golden set &lt;script&gt;');
    expectSelfContained(html);
  });

  it('renders an experiment with escaped names and one uplift point per day', () => {
    const start = new Date('2026-11-02T00:00:00Z');
    const events = [0, 1, 2].flatMap((day) =>
      ['a', hostile].flatMap((variant, arm) =>
        Array.from({ length: 20 }, (_, index) => ({
          variant,
          userHash: `${arm}-${day}-${index}`,
          kind: index < 4 + arm * 4 ? ('conversion' as const) : ('impression' as const),
          value: null,
          at: new Date(start.getTime() + day * 86_400_000 + index),
        })),
      ),
    );
    const variants = [
      { name: 'a', weight: 1 },
      { name: hostile, weight: 1 },
    ];
    const plan = {
      name: hostile,
      metric: 'conversion' as const,
      assignmentMode: 'hash' as const,
      variants,
      sampleSizePerArm: 500,
      minRunDays: 7,
      alpha: 0.05,
    };
    const analysis = analyseExperiment({ ...plan, createdAt: start }, events, {
      now: new Date(start.getTime() + 3 * 86_400_000),
    });
    const html = experimentReportHtml({ experiment: plan, analysis });

    expect(analysis.daily).toHaveLength(3);
    expect(html.match(/<circle /g)).toHaveLength(3);
    expect(html).toContain('keep running: day 3 of at least 7');
    expect(html).not.toContain(hostile);
    expect(html).toContain(escapeHtml(hostile));
    expectSelfContained(html);
  });
});
