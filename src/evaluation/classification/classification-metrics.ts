/** One labelled example: the gold label and the label a classifier gave it. */
export interface LabelPair {
  expected: string;
  predicted: string;
}

/** Precision, recall and F1 for one class, plus how many examples truly belong to it. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of examples whose expected label is this class. */
  support: number;
}

/** Precision, recall and F1 averaged over classes in one way. */
export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
}

/** Everything `classificationMetrics` reports, in the shape of scikit-learn's report. */
export interface ClassificationReport {
  /** Every label seen as expected or predicted, sorted by UTF-16 code units. */
  labels: string[];
  /** `matrix[i][j]` counts examples expected as `labels[i]` and predicted as `labels[j]`. */
  matrix: number[][];
  perClass: ClassMetrics[];
  /** Pooled over all examples; for single-label data all three equal accuracy. */
  micro: AveragedMetrics;
  /** Unweighted mean over `labels`, so rare classes count as much as common ones. */
  macro: AveragedMetrics;
  /** Mean over `labels` weighted by support. */
  weighted: AveragedMetrics;
  accuracy: number;
  total: number;
}

/** `numerator / denominator`, or 0 when the denominator is 0 (scikit-learn's zero_division=0). */
export function safeDivide(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1Score(precision: number, recall: number): number {
  return safeDivide(2 * precision * recall, precision + recall);
}

/**
 * Confusion matrix, per-class precision/recall/F1/support, micro, macro and weighted averages and
 * accuracy for single-label classification, matching scikit-learn's `classification_report` and
 * `confusion_matrix`. Every ratio whose denominator is 0 is reported as 0, as scikit-learn does
 * with `zero_division=0`: a class that is never predicted has precision 0, and a class that only
 * ever appears as a prediction has recall 0 (and both still count in the macro average).
 * An empty input gives empty labels and all metrics 0.
 */
export function classificationMetrics(pairs: readonly LabelPair[]): ClassificationReport {
  const labelSet = new Set<string>();
  for (const pair of pairs) {
    labelSet.add(pair.expected);
    labelSet.add(pair.predicted);
  }
  const labels = [...labelSet].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  const indexOf = new Map(labels.map((label, index) => [label, index]));
  const matrix = labels.map(() => labels.map(() => 0));

  for (const pair of pairs) {
    const row = matrix[indexOf.get(pair.expected)!]!;
    row[indexOf.get(pair.predicted)!]! += 1;
  }

  let correct = 0;
  const perClass = labels.map((label, index): ClassMetrics => {
    const truePositives = matrix[index]![index]!;
    const support = matrix[index]!.reduce((sum, count) => sum + count, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + row[index]!, 0);
    correct += truePositives;
    const precision = safeDivide(truePositives, predictedCount);
    const recall = safeDivide(truePositives, support);
    return { label, precision, recall, f1: f1Score(precision, recall), support };
  });

  const total = pairs.length;
  const accuracy = safeDivide(correct, total);
  return {
    labels,
    matrix,
    perClass,
    micro: { precision: accuracy, recall: accuracy, f1: accuracy },
    macro: averageOver(perClass, () => 1),
    weighted: averageOver(perClass, (metrics) => metrics.support),
    accuracy,
    total,
  };
}

function averageOver(
  perClass: readonly ClassMetrics[],
  weightOf: (metrics: ClassMetrics) => number,
): AveragedMetrics {
  let weightSum = 0;
  const sums = { precision: 0, recall: 0, f1: 0 };
  for (const metrics of perClass) {
    const weight = weightOf(metrics);
    weightSum += weight;
    sums.precision += weight * metrics.precision;
    sums.recall += weight * metrics.recall;
    sums.f1 += weight * metrics.f1;
  }
  return {
    precision: safeDivide(sums.precision, weightSum),
    recall: safeDivide(sums.recall, weightSum),
    f1: safeDivide(sums.f1, weightSum),
  };
}
