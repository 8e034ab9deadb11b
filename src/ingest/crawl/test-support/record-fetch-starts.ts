import { vi } from 'vitest';

export interface FetchStarts {
  /** performance.now() at each call of the global fetch, in call order. */
  starts: number[];
  restore(): void;
}

/**
 * Records when the crawler starts each request, on the client side where the scheduler's
 * guarantees hold; times seen by a busy test server can bunch up and say nothing.
 */
export function recordFetchStarts(): FetchStarts {
  const starts: number[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    starts.push(performance.now());
    return realFetch(input, init);
  });
  return { starts, restore: () => spy.mockRestore() };
}

/** The smallest gap between consecutive starts. */
export function smallestGap(starts: number[]): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < starts.length; index += 1) {
    smallest = Math.min(smallest, (starts[index] ?? 0) - (starts[index - 1] ?? 0));
  }
  return smallest;
}
