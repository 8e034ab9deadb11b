/**
 * Runs a golden set: produce an output for every case, check it, and compare the run with the
 * accepted baseline.
 * @module
 */
import { checkGoldenOutput, type GoldenOutput, type GoldenServices } from './golden-checks.js';
import {
  findRegressions,
  type CaseOutcome,
  type GoldenBaseline,
  type Regression,
} from './golden-baseline.js';
import type { GoldenCase, GoldenSet } from './golden-set.js';

export interface GoldenRunOptions {
  produce(goldenCase: GoldenCase): Promise<GoldenOutput>;
  services: GoldenServices;
  baseline?: GoldenBaseline;
  /** How far a measured score may fall before it counts as a regression. Default 0.02. */
  tolerance?: number;
  onCase?(outcome: CaseOutcome): void;
}

export interface GoldenRunReport {
  set: string;
  version: number;
  cases: (CaseOutcome & { text: string })[];
  passed: number;
  failed: number;
  /** `none` when no baseline exists or it belongs to another version of the set. */
  baseline: 'compared' | 'none' | 'other-version';
  regressions: Regression[];
  /** Failing cases no comparable baseline holds, so nobody has accepted their failure yet. */
  unaccepted: string[];
}

export async function runGoldenSet(
  set: GoldenSet,
  options: GoldenRunOptions,
): Promise<GoldenRunReport> {
  const cases: GoldenRunReport['cases'] = [];
  for (const goldenCase of set.cases) {
    const output = await options.produce(goldenCase);
    const checks = await checkGoldenOutput(goldenCase, output, options.services);
    const outcome = { id: goldenCase.id, passed: checks.every((check) => check.passed), checks };
    options.onCase?.(outcome);
    cases.push({ ...outcome, text: output.text });
  }

  const baseline = options.baseline;
  const comparable = baseline !== undefined && baseline.version === set.version;
  const regressions = comparable ? findRegressions(baseline, cases, options.tolerance ?? 0.02) : [];
  const passed = cases.filter((entry) => entry.passed).length;
  const unaccepted = cases
    .filter((entry) => !entry.passed && !(comparable && baseline.cases[entry.id]))
    .map((entry) => entry.id);
  return {
    set: set.id,
    version: set.version,
    cases,
    passed,
    failed: cases.length - passed,
    baseline: comparable ? 'compared' : baseline ? 'other-version' : 'none',
    regressions,
    unaccepted,
  };
}
