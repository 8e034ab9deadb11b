import { f1Score, safeDivide } from './classification-metrics.js';

/** A labelled stretch of text, `[start, end)` in UTF-16 code units, as guard findings carry. */
export interface Span {
  type: string;
  start: number;
  end: number;
}

/** How a predicted span must relate to an expected one of the same type to count as found. */
export type SpanMatch = 'exact' | 'overlap';

export interface SpanMetricsOptions {
  /** `exact`: same start and end. `overlap`: the half-open ranges share at least one unit. */
  match: SpanMatch;
}

/** Counts and scores for one span type, or pooled over all types. */
export interface SpanTypeMetrics {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanReport {
  /** Per type, keyed by type and listed in sorted type order. */
  perType: Record<string, SpanTypeMetrics>;
  /** Counts pooled over all types, then scored. */
  micro: SpanTypeMetrics;
  /** Unweighted mean of the per-type precision, recall and F1. */
  macro: { precision: number; recall: number; f1: number };
}

/**
 * Span-level precision, recall and F1 per type for guard findings such as PII. Spans match only
 * within the same type, and each expected and each predicted span is used at most once: with
 * `overlap`, a maximum one-to-one matching is taken, so one long prediction covering two expected
 * spans earns one true positive and one false negative. Ratios with a zero denominator are 0.
 */
export function spanMetrics(
  expected: readonly Span[],
  predicted: readonly Span[],
  options: SpanMetricsOptions,
): SpanReport {
  const types = [...new Set([...expected, ...predicted].map((span) => span.type))].sort();
  const perType: Record<string, SpanTypeMetrics> = {};
  const pooled = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

  for (const type of types) {
    const gold = expected.filter((span) => span.type === type);
    const guesses = predicted.filter((span) => span.type === type);
    const truePositives = countMatches(gold, guesses, options.match);
    const counts = {
      truePositives,
      falsePositives: guesses.length - truePositives,
      falseNegatives: gold.length - truePositives,
    };
    perType[type] = score(counts);
    pooled.truePositives += counts.truePositives;
    pooled.falsePositives += counts.falsePositives;
    pooled.falseNegatives += counts.falseNegatives;
  }

  const scored = Object.values(perType);
  const mean = (pick: (metrics: SpanTypeMetrics) => number) =>
    safeDivide(
      scored.reduce((sum, metrics) => sum + pick(metrics), 0),
      scored.length,
    );
  return {
    perType,
    micro: score(pooled),
    macro: {
      precision: mean((metrics) => metrics.precision),
      recall: mean((metrics) => metrics.recall),
      f1: mean((metrics) => metrics.f1),
    },
  };
}

function score(counts: Omit<SpanTypeMetrics, 'precision' | 'recall' | 'f1'>): SpanTypeMetrics {
  const precision = safeDivide(counts.truePositives, counts.truePositives + counts.falsePositives);
  const recall = safeDivide(counts.truePositives, counts.truePositives + counts.falseNegatives);
  return { ...counts, precision, recall, f1: f1Score(precision, recall) };
}

function spansMatch(gold: Span, guess: Span, match: SpanMatch): boolean {
  if (match === 'exact') return gold.start === guess.start && gold.end === guess.end;
  return gold.start < guess.end && guess.start < gold.end;
}

/** Size of a maximum bipartite matching (augmenting paths); spans per type are few. */
function countMatches(gold: readonly Span[], guesses: readonly Span[], match: SpanMatch): number {
  const guessOwner: (number | undefined)[] = guesses.map(() => undefined);

  const tryAssign = (goldIndex: number, visited: boolean[]): boolean => {
    for (let guessIndex = 0; guessIndex < guesses.length; guessIndex++) {
      if (visited[guessIndex] || !spansMatch(gold[goldIndex]!, guesses[guessIndex]!, match)) {
        continue;
      }
      visited[guessIndex] = true;
      const owner = guessOwner[guessIndex];
      if (owner === undefined || tryAssign(owner, visited)) {
        guessOwner[guessIndex] = goldIndex;
        return true;
      }
    }
    return false;
  };

  let matched = 0;
  for (let goldIndex = 0; goldIndex < gold.length; goldIndex++) {
    if (
      tryAssign(
        goldIndex,
        guesses.map(() => false),
      )
    )
      matched += 1;
  }
  return matched;
}
