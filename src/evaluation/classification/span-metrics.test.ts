import { describe, expect, it } from 'vitest';

import { spanMetrics, type Span } from './span-metrics.js';

const expected: Span[] = [
  { type: 'PERSON', start: 0, end: 5 },
  { type: 'PERSON', start: 10, end: 15 },
  { type: 'EMAIL', start: 20, end: 30 },
];
const predicted: Span[] = [
  { type: 'PERSON', start: 0, end: 5 },
  { type: 'PERSON', start: 9, end: 16 },
  { type: 'EMAIL', start: 20, end: 29 },
  { type: 'PHONE', start: 40, end: 45 },
];

describe('spanMetrics', () => {
  it('counts only identical boundaries with exact matching', () => {
    const report = spanMetrics(expected, predicted, { match: 'exact' });

    expect(Object.keys(report.perType)).toEqual(['EMAIL', 'PERSON', 'PHONE']);
    expect(report.perType.PERSON).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(report.perType.EMAIL).toMatchObject({
      truePositives: 0,
      falsePositives: 1,
      falseNegatives: 1,
      f1: 0,
    });
    expect(report.perType.PHONE).toMatchObject({ falsePositives: 1, falseNegatives: 0, recall: 0 });
    expect(report.micro).toMatchObject({ truePositives: 1, falsePositives: 3, falseNegatives: 2 });
    expect(report.micro.precision).toBe(0.25);
    expect(report.micro.recall).toBeCloseTo(1 / 3, 12);
    expect(report.micro.f1).toBeCloseTo(2 / 7, 12);
    expect(report.macro.f1).toBeCloseTo(0.5 / 3, 12);
  });

  it('accepts shifted boundaries of the same type with overlap matching', () => {
    const report = spanMetrics(expected, predicted, { match: 'overlap' });

    expect(report.perType.PERSON).toMatchObject({ truePositives: 2, falsePositives: 0, f1: 1 });
    expect(report.perType.EMAIL).toMatchObject({ truePositives: 1, f1: 1 });
    expect(report.micro).toMatchObject({ truePositives: 3, falsePositives: 1, falseNegatives: 0 });
    expect(report.micro.f1).toBeCloseTo(6 / 7, 12);
  });

  it('never matches across types', () => {
    const report = spanMetrics(
      [{ type: 'IBAN', start: 0, end: 22 }],
      [{ type: 'PHONE', start: 0, end: 22 }],
      { match: 'exact' },
    );

    expect(report.micro).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('uses each span once: one long prediction over two expected spans is one hit', () => {
    const report = spanMetrics(
      [
        { type: 'PII', start: 0, end: 5 },
        { type: 'PII', start: 6, end: 10 },
      ],
      [{ type: 'PII', start: 0, end: 10 }],
      { match: 'overlap' },
    );

    expect(report.perType.PII).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 1,
    });
  });

  it('finds the largest one-to-one matching, not the first-come one', () => {
    // Greedy in order would give A the wide prediction and leave B unmatched.
    const report = spanMetrics(
      [
        { type: 'PII', start: 0, end: 10 },
        { type: 'PII', start: 10, end: 20 },
      ],
      [
        { type: 'PII', start: 5, end: 15 },
        { type: 'PII', start: 0, end: 3 },
      ],
      { match: 'overlap' },
    );

    expect(report.perType.PII).toMatchObject({
      truePositives: 2,
      falsePositives: 0,
      falseNegatives: 0,
    });
  });

  it('treats touching half-open spans as not overlapping', () => {
    const report = spanMetrics(
      [{ type: 'PII', start: 0, end: 5 }],
      [{ type: 'PII', start: 5, end: 10 }],
      { match: 'overlap' },
    );

    expect(report.perType.PII!.truePositives).toBe(0);
  });

  it('reports zeros when there are no spans at all', () => {
    const report = spanMetrics([], [], { match: 'exact' });

    expect(report.perType).toEqual({});
    expect(report.micro.f1).toBe(0);
  });
});
