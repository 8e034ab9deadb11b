import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostScheduler } from './host-scheduler.js';
import { smallestGap } from './test-support/record-fetch-starts.js';

/** Runs `count` requests to `url` and records when each started and how many overlapped. */
async function runRequests(scheduler: HostScheduler, url: string, count: number, holdMs: number) {
  const starts: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const request = async (): Promise<void> => {
    starts.push(performance.now());
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await sleep(holdMs);
    inFlight -= 1;
  };
  await Promise.all(Array.from({ length: count }, () => scheduler.run(url, request)));
  return { starts, maxInFlight };
}

describe('HostScheduler', () => {
  it('limits requests in flight per host and spaces their starts', async () => {
    const signal = new AbortController().signal;
    const scheduler = new HostScheduler({ concurrencyPerHost: 2, delayMs: 15, signal });

    const { starts, maxInFlight } = await runRequests(scheduler, 'http://a.test/x', 6, 40);

    expect(maxInFlight).toBe(2);
    expect(starts).toHaveLength(6);
    expect(smallestGap(starts)).toBeGreaterThanOrEqual(15);
  });

  it('keeps hosts independent of each other', async () => {
    const signal = new AbortController().signal;
    const scheduler = new HostScheduler({ concurrencyPerHost: 1, delayMs: 200, signal });

    const began = performance.now();
    await Promise.all([
      runRequests(scheduler, 'http://a.test/', 1, 0),
      runRequests(scheduler, 'http://b.test/', 1, 0),
      runRequests(scheduler, 'http://a.test:8080/', 1, 0),
    ]);
    expect(performance.now() - began).toBeLessThan(150);
  });

  it('applies a raised delay, e.g. from Crawl-delay', async () => {
    const signal = new AbortController().signal;
    const scheduler = new HostScheduler({ concurrencyPerHost: 4, delayMs: 0, signal });
    scheduler.raiseDelay('http://a.test/', 30);
    scheduler.raiseDelay('http://a.test/', 10);

    const { starts } = await runRequests(scheduler, 'http://a.test/page', 3, 0);
    expect(smallestGap(starts)).toBeGreaterThanOrEqual(30);
  });

  it('rejects waiting requests once the signal aborts', async () => {
    const controller = new AbortController();
    const scheduler = new HostScheduler({
      concurrencyPerHost: 1,
      delayMs: 10_000,
      signal: controller.signal,
    });
    const first = scheduler.run('http://a.test/', async () => 'first');
    const second = scheduler.run('http://a.test/', async () => 'second');

    await expect(first).resolves.toBe('first');
    controller.abort(new Error('stopped'));
    await expect(second).rejects.toThrow('stopped');
  });
});
