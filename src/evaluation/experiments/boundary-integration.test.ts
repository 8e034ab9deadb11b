import { describe, expect, it } from 'vitest';
import { integratedBoundaries } from './boundary-integration.js';
import { inverseNormalCdf, normalCdf } from './normal.js';

describe('integratedBoundaries', () => {
  it("matches gsDesign's published Lan–DeMets O'Brien–Fleming boundaries", () => {
    // Five equally spaced looks, one-sided alpha 0.025 spent by 2 - 2 Phi(z_0.9875 / sqrt t).
    // gsDesign (sfLDOF) gives 4.8769, 3.3569, 2.6803, 2.2898, 2.0310; two symmetric sides
    // spending twice as much agree to four places, as the lower side is all but never hit.
    const z = inverseNormalCdf(1 - 0.025 / 2);
    const fractions = [0.2, 0.4, 0.6, 0.8, 1];
    let spent = 0;
    const increments = fractions.map((fraction) => {
      const cumulative = 2 - 2 * normalCdf(z / Math.sqrt(fraction));
      const increment = cumulative - spent;
      spent = cumulative;
      return 2 * increment;
    });

    const boundaries = integratedBoundaries(fractions, increments);

    const expected = [4.8769, 3.3569, 2.6803, 2.2898, 2.031];
    boundaries.forEach((boundary, index) => expect(boundary).toBeCloseTo(expected[index]!, 3));
  });

  it('gives a look that spends nothing an infinite boundary and goes on', () => {
    const boundaries = integratedBoundaries([0.5, 1], [0, 0.05]);
    expect(boundaries[0]).toBe(Infinity);
    expect(boundaries[1]).toBeCloseTo(inverseNormalCdf(1 - 0.05 / 2), 4);
  });
});
