/**
 * Exact two-sided group-sequential boundaries by recursive numerical integration (Armitage,
 * McPherson and Rowe 1969; Jennison and Turnbull 2000, chapter 19).
 *
 * Under the null hypothesis the score process B(t) = Z(t)·√t is Brownian motion in the
 * information fraction t. The density of B at a look, restricted to the paths that have not
 * stopped yet, is carried from look to look on a Simpson grid; each look's boundary is the
 * value whose crossing probability, over those paths only, equals the alpha to spend there.
 * @module
 */
import { normalCdf, normalDensity } from './normal.js';

/** Below this spend a look cannot stop at all. */
const NEGLIGIBLE_ALPHA = 1e-15;
/** Grid points per standard deviation of one look's increment, and the grid's bounds. */
const POINTS_PER_SD = 8;
const MIN_POINTS = 201;
const MAX_POINTS = 1601;
/** Where a look that spends nothing truncates the density, in standard deviations of B. */
const FAR = 9;

/** The not-yet-stopped density of B at one look: grid nodes and their Simpson-weighted mass. */
interface Continuation {
  nodes: Float64Array;
  mass: Float64Array;
}

/**
 * |z| boundaries for looks at `fractions` (increasing, in (0, 1]) that spend `increments` of
 * two-sided alpha, one per look. A look whose increment is negligible gets `Infinity`.
 */
export function integratedBoundaries(
  fractions: readonly number[],
  increments: readonly number[],
): number[] {
  const boundaries: number[] = [];
  let density: Continuation | undefined;
  let previousFraction = 0;

  fractions.forEach((fraction, index) => {
    const spread = Math.sqrt(fraction - previousFraction);
    const next = fractions[index + 1];
    // The grid must resolve the kernel of the next convolution, the narrower of the two.
    const kernel = next === undefined ? spread : Math.min(spread, Math.sqrt(next - fraction));
    const target = increments[index]!;
    let limit: number;
    if (target < NEGLIGIBLE_ALPHA) {
      boundaries.push(Infinity);
      limit = FAR * Math.sqrt(fraction);
    } else {
      limit = boundaryOnScoreScale(density, spread, target, fraction);
      boundaries.push(limit / Math.sqrt(fraction));
    }
    density = carry(density, spread, limit, kernel);
    previousFraction = fraction;
  });
  return boundaries;
}

/** Chance that B crosses ±limit at this look without having stopped before. */
function crossing(density: Continuation | undefined, spread: number, limit: number): number {
  if (!density) return 2 * normalCdf(-limit / spread);
  let total = 0;
  const { nodes, mass } = density;
  for (let index = 0; index < nodes.length; index += 1) {
    const from = nodes[index]!;
    total +=
      mass[index]! * (normalCdf((-limit - from) / spread) + normalCdf((from - limit) / spread));
  }
  return total;
}

/** The limit on the B scale whose crossing probability is `target`, found by bisection. */
function boundaryOnScoreScale(
  density: Continuation | undefined,
  spread: number,
  target: number,
  fraction: number,
): number {
  let low = 0;
  let high = FAR * Math.sqrt(fraction);
  if (crossing(density, spread, high) > target) return high;
  for (let step = 0; step < 80 && high - low > 1e-10; step += 1) {
    const middle = (low + high) / 2;
    if (crossing(density, spread, middle) > target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The density at this look over (−limit, limit), from the last look's by convolution. */
function carry(
  density: Continuation | undefined,
  spread: number,
  limit: number,
  kernel: number,
): Continuation {
  const count = gridSize(limit, kernel);
  const step = (2 * limit) / (count - 1);
  const nodes = new Float64Array(count);
  const mass = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const at = -limit + index * step;
    nodes[index] = at;
    const simpson = index === 0 || index === count - 1 ? 1 : index % 2 === 1 ? 4 : 2;
    mass[index] = ((simpson * step) / 3) * densityAt(density, spread, at);
  }
  return { nodes, mass };
}

function densityAt(density: Continuation | undefined, spread: number, at: number): number {
  if (!density) return normalDensity(at / spread) / spread;
  let value = 0;
  for (let index = 0; index < density.nodes.length; index += 1) {
    value += density.mass[index]! * normalDensity((at - density.nodes[index]!) / spread);
  }
  return value / spread;
}

/** An odd number of nodes, fine enough for a kernel of this spread, within bounds. */
function gridSize(limit: number, kernel: number): number {
  const wanted = Math.ceil(((2 * limit) / kernel) * POINTS_PER_SD);
  const bounded = Math.min(MAX_POINTS, Math.max(MIN_POINTS, wanted));
  return bounded % 2 === 1 ? bounded : bounded + 1;
}
