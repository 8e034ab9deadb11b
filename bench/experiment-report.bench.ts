import { bench, describe } from 'vitest';

// Run: npx vitest bench --run bench/experiment-report.bench.ts
import {
  analyseExperiment,
  type ExperimentPlan,
} from '../src/evaluation/experiments/analyse-experiment.js';
import { createSeededRandom } from '../src/evaluation/experiments/random.js';
import type { OutcomeEvent } from '../src/evaluation/experiments/user-outcomes.js';

const start = new Date('2026-11-02T00:00:00Z');
const now = new Date(start.getTime() + 14 * 86_400_000);

/** Two arms over 14 days: an impression per user, 10 % vs 11.5 % converting or paying. */
function events(users: number, metric: 'conversion' | 'revenue'): OutcomeEvent[] {
  const random = createSeededRandom(1);
  const list: OutcomeEvent[] = [];
  for (let index = 0; index < users; index++) {
    const variant = index % 2 === 0 ? 'a' : 'b';
    const userHash = `u${index}`;
    const at = new Date(start.getTime() + (index / users) * 14 * 86_400_000);
    list.push({ variant, userHash, kind: 'impression', value: null, at });
    if (random() < (variant === 'a' ? 0.1 : 0.115)) {
      const value = metric === 'revenue' ? 50 * random() : null;
      list.push({ variant, userHash, kind: metric, value, at });
    }
  }
  return list;
}

const plan = (metric: 'conversion' | 'revenue'): ExperimentPlan => ({
  name: 'bench',
  variants: [{ name: 'a' }, { name: 'b' }],
  metric,
  alpha: 0.05,
  sampleSizePerArm: 8000,
  minRunDays: 7,
  createdAt: start,
});

const options = { iterations: 5, time: 0, warmupIterations: 1 };

for (const metric of ['conversion', 'revenue'] as const) {
  describe(`analyse an experiment, ${metric}, 14 daily looks`, () => {
    for (const users of [10_000, 20_000, 100_000]) {
      const data = events(users, metric);
      bench(`${users} users`, () => void analyseExperiment(plan(metric), data, { now }), options);
    }
  });
}
