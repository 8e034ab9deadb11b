import { inverseNormalCdf, normalSurvival } from './normal.js';

/** Conversions out of visitors for one arm. */
export interface ConversionCounts {
  conversions: number;
  visitors: number;
}

export interface ProportionTestResult {
  controlRate: number;
  treatmentRate: number;
  /** treatmentRate − controlRate. */
  absoluteUplift: number;
  /** absoluteUplift / controlRate; NaN when the control rate is 0. */
  relativeUplift: number;
  /** z with the pooled standard error (the rate is common under the null hypothesis). */
  zStatistic: number;
  /** Two-sided p-value of z. */
  pValue: number;
  /** Wald interval for the difference with the unpooled standard error. */
  confidenceInterval: { lower: number; upper: number; level: number };
}

function checkCounts(label: string, counts: ConversionCounts): void {
  const { conversions, visitors } = counts;
  if (!(visitors > 0 && conversions >= 0 && conversions <= visitors)) {
    throw new RangeError(
      `${label} has ${conversions} conversions of ${visitors} visitors; ` +
        'pass visitors > 0 and 0 ≤ conversions ≤ visitors',
    );
  }
}

/**
 * Two-proportion z-test of treatment against control conversion rates.
 * @param confidence level of the interval for the difference, default 0.95
 */
export function twoProportionZTest(
  control: ConversionCounts,
  treatment: ConversionCounts,
  confidence = 0.95,
): ProportionTestResult {
  checkCounts('control', control);
  checkCounts('treatment', treatment);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence ${confidence} must lie strictly between 0 and 1`);
  }

  const controlRate = control.conversions / control.visitors;
  const treatmentRate = treatment.conversions / treatment.visitors;
  const difference = treatmentRate - controlRate;

  const pooledRate =
    (control.conversions + treatment.conversions) / (control.visitors + treatment.visitors);
  const pooledError = Math.sqrt(
    pooledRate * (1 - pooledRate) * (1 / control.visitors + 1 / treatment.visitors),
  );
  // With no variation at all (all or nothing converted) there is no evidence of a difference.
  const zStatistic = pooledError === 0 ? 0 : difference / pooledError;
  const pValue = Math.min(1, 2 * normalSurvival(Math.abs(zStatistic)));

  const unpooledError = Math.sqrt(
    (controlRate * (1 - controlRate)) / control.visitors +
      (treatmentRate * (1 - treatmentRate)) / treatment.visitors,
  );
  const margin = inverseNormalCdf(1 - (1 - confidence) / 2) * unpooledError;

  return {
    controlRate,
    treatmentRate,
    absoluteUplift: difference,
    relativeUplift: controlRate === 0 ? Number.NaN : difference / controlRate,
    zStatistic,
    pValue,
    confidenceInterval: {
      lower: difference - margin,
      upper: difference + margin,
      level: confidence,
    },
  };
}
