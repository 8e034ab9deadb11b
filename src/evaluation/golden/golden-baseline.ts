/**
 * Baselines of golden sets: the last accepted run, kept as a JSON file beside the set so that
 * it is reviewed and versioned with the code. A run regresses when a check that passed in the
 * baseline now fails, or when a measured score falls by more than the tolerance.
 * @module
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import type { CheckResult } from './golden-checks.js';

export interface CaseOutcome {
  id: string;
  passed: boolean;
  checks: CheckResult[];
}

const baselineSchema = z.object({
  set: z.string(),
  version: z.number().int(),
  acceptedAt: z.string(),
  /** Which generator produced it, such as `offline` or `tgi:meta-llama/...`. */
  generator: z.string(),
  cases: z.record(
    z.string(),
    z.object({
      passed: z.boolean(),
      /** Checks that already failed when the baseline was accepted (absent in older files). */
      failedChecks: z.array(z.string()).optional(),
      scores: z.record(z.string(), z.number()),
    }),
  ),
});

export type GoldenBaseline = z.infer<typeof baselineSchema>;

export interface Regression {
  caseId: string;
  check: string;
  /** `newly-failing`, or `score-drop` for a measured value that fell past the tolerance. */
  kind: 'newly-failing' | 'score-drop';
  before?: number;
  after?: number;
}

/**
 * Checks whose value is a score in [0, 1] that can drift: ROUGE (higher is better) and the
 * unsupported-claim rate (lower is better). Counts such as characters only pass or fail.
 */
const higherIsBetter = (check: string): boolean => check.startsWith('minRouge');
const isDriftingScore = (check: string): boolean =>
  higherIsBetter(check) || check === 'maxUnsupportedClaimRate';

/** The baseline file that belongs to a golden set file: `x.yaml` → `x.baseline.json`. */
export function baselinePathFor(setFile: string): string {
  return setFile.replace(/\.ya?ml$/i, '') + '.baseline.json';
}

export function readBaseline(file: string): GoldenBaseline | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(
      `baseline is not valid JSON (${(error as Error).message}); restore it from version ` +
        'control or accept a new one with --accept',
      { file },
    );
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `baseline is not a golden-set baseline (${issue.path.join('.') || 'top level'}: ` +
        `${issue.message}); restore it from version control or accept a new one with --accept`,
      { file },
    );
  }
  return parsed.data;
}

/** Writes the baseline atomically, so a crash never leaves half a file. */
export function writeBaseline(file: string, baseline: GoldenBaseline): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(baseline, null, 2)}\n`);
  renameSync(temporary, file);
}

export function baselineFrom(
  set: { id: string; version: number },
  generator: string,
  outcomes: CaseOutcome[],
  acceptedAt: Date,
): GoldenBaseline {
  const cases: GoldenBaseline['cases'] = {};
  for (const outcome of outcomes) {
    cases[outcome.id] = {
      passed: outcome.passed,
      failedChecks: outcome.checks.filter((check) => !check.passed).map((check) => check.name),
      scores: scoresOf(outcome.checks),
    };
  }
  return {
    set: set.id,
    version: set.version,
    acceptedAt: acceptedAt.toISOString(),
    generator,
    cases,
  };
}

/**
 * Compares a run with its baseline. Cases absent from the baseline are new and cannot regress.
 * A check that already failed in the baseline is a known failure, not a regression; any other
 * check that fails now is one, also in a case that had other known failures.
 */
export function findRegressions(
  baseline: GoldenBaseline,
  outcomes: CaseOutcome[],
  tolerance: number,
): Regression[] {
  const regressions: Regression[] = [];
  for (const outcome of outcomes) {
    const before = baseline.cases[outcome.id];
    if (!before) continue;

    const beforeScores = before.scores;
    for (const check of outcome.checks) {
      if (!check.passed && !knownFailure(before, check.name)) {
        regressions.push({ caseId: outcome.id, check: check.name, kind: 'newly-failing' });
        continue;
      }
      const previous = beforeScores[check.name];
      if (typeof check.value !== 'number' || previous === undefined) continue;
      if (!isDriftingScore(check.name)) continue;
      const drop = higherIsBetter(check.name) ? previous - check.value : check.value - previous;
      if (drop > tolerance) {
        regressions.push({
          caseId: outcome.id,
          check: check.name,
          kind: 'score-drop',
          before: previous,
          after: check.value,
        });
      }
    }
  }
  return regressions;
}

/** Whether `check` failed when the baseline was accepted; older files only say per case. */
function knownFailure(before: GoldenBaseline['cases'][string], check: string): boolean {
  if (before.passed) return false;
  return before.failedChecks === undefined || before.failedChecks.includes(check);
}

function scoresOf(checks: CheckResult[]): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const check of checks) {
    if (typeof check.value === 'number') scores[check.name] = check.value;
  }
  return scores;
}
