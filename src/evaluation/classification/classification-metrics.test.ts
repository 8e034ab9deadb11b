import { describe, expect, it } from 'vitest';

import { classificationMetrics } from './classification-metrics.js';

const pairsOf = (expected: string[], predicted: string[]) =>
  expected.map((label, index) => ({ expected: label, predicted: predicted[index]! }));

describe('classificationMetrics', () => {
  // The example in scikit-learn's classification_report documentation, with y_true
  // [0, 1, 2, 2, 2] and y_pred [0, 0, 2, 2, 1]; its printed report reads, rounded to two places:
  // class 0: 0.50 1.00 0.67 1 / class 1: 0.00 0.00 0.00 1 / class 2: 1.00 0.67 0.80 3
  // accuracy 0.60 / macro avg 0.50 0.56 0.49 / weighted avg 0.70 0.60 0.61.
  it('reproduces the scikit-learn classification_report documentation example', () => {
    const report = classificationMetrics(
      pairsOf(['c0', 'c1', 'c2', 'c2', 'c2'], ['c0', 'c0', 'c2', 'c2', 'c1']),
    );

    expect(report.labels).toEqual(['c0', 'c1', 'c2']);
    expect(report.matrix).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 2],
    ]);
    const rounded = report.perClass.map((metrics) => [
      metrics.label,
      ...[metrics.precision, metrics.recall, metrics.f1].map((value) => value.toFixed(2)),
      metrics.support,
    ]);
    expect(rounded).toEqual([
      ['c0', '0.50', '1.00', '0.67', 1],
      ['c1', '0.00', '0.00', '0.00', 1],
      ['c2', '1.00', '0.67', '0.80', 3],
    ]);
    expect(report.accuracy).toBeCloseTo(0.6, 12);
    expect(report.macro.precision).toBeCloseTo(0.5, 12);
    expect(report.macro.recall).toBeCloseTo((1 + 0 + 2 / 3) / 3, 12);
    expect(report.macro.f1).toBeCloseTo((2 / 3 + 0 + 0.8) / 3, 12);
    expect(report.weighted.precision).toBeCloseTo(0.7, 12);
    expect(report.weighted.recall).toBeCloseTo(0.6, 12);
    expect(report.weighted.f1).toBeCloseTo((2 / 3 + 3 * 0.8) / 5, 12);
    expect(report.micro).toEqual({ precision: 0.6, recall: 0.6, f1: 0.6 });
  });

  it('gives a never-predicted class precision 0 and still counts it in the macro average', () => {
    const report = classificationMetrics(
      pairsOf(['cat', 'cat', 'dog', 'bird'], ['cat', 'dog', 'dog', 'cat']),
    );

    expect(report.labels).toEqual(['bird', 'cat', 'dog']);
    expect(report.matrix).toEqual([
      [0, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(report.perClass[0]).toEqual({
      label: 'bird',
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
    });
    expect(report.perClass[1]).toEqual({
      label: 'cat',
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      support: 2,
    });
    expect(report.perClass[2]!.f1).toBeCloseTo(2 / 3, 12);
    expect(report.accuracy).toBe(0.5);
    expect(report.macro.precision).toBeCloseTo(1 / 3, 12);
    expect(report.macro.recall).toBeCloseTo(0.5, 12);
    expect(report.total).toBe(4);
  });

  it('gives a class that is only ever predicted support 0 and recall 0', () => {
    const report = classificationMetrics(pairsOf(['spam', 'spam'], ['spam', 'ham']));

    expect(report.labels).toEqual(['ham', 'spam']);
    expect(report.perClass[0]).toEqual({
      label: 'ham',
      precision: 0,
      recall: 0,
      f1: 0,
      support: 0,
    });
    expect(report.perClass[1]).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(report.weighted.recall).toBe(0.5);
  });

  it('reports all zeros for no examples', () => {
    const report = classificationMetrics([]);

    expect(report).toMatchObject({ labels: [], matrix: [], accuracy: 0, total: 0 });
    expect(report.macro).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
