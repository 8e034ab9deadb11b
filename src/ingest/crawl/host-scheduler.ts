import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';

export interface HostSchedulerSettings {
  /** Requests allowed in flight at once per host. */
  concurrencyPerHost: number;
  /** Minimum time between the starts of two requests to the same host. */
  delayMs: number;
  /** Aborting it makes waiting and future requests reject with the signal's reason. */
  signal: AbortSignal;
}

interface HostState {
  limit: LimitFunction;
  delayMs: number;
  lastStartAt: number;
}

/**
 * Per-host politeness: at most `concurrencyPerHost` requests in flight per host, and request
 * starts to one host spaced at least `delayMs` apart. Hosts are keyed by `URL.host`, so
 * different ports count as different hosts.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly settings: HostSchedulerSettings) {}

  /** Raises the spacing for the host of `url`, e.g. to honour a robots.txt Crawl-delay. */
  raiseDelay(url: string, delayMs: number): void {
    const state = this.stateFor(url);
    state.delayMs = Math.max(state.delayMs, delayMs);
  }

  /** Runs `request` once the host of `url` has a free slot and its delay has passed. */
  run<T>(url: string, request: () => Promise<T>): Promise<T> {
    const state = this.stateFor(url);
    return state.limit(async () => {
      // Measured against the actual previous start, re-checked after every wait: a timer that
      // fires late (busy event loop) must not let the next request start early.
      for (;;) {
        this.settings.signal.throwIfAborted();
        const now = performance.now();
        const readyAt = state.lastStartAt + state.delayMs;
        if (now >= readyAt) {
          state.lastStartAt = now;
          return request();
        }
        await this.wait(readyAt - now);
      }
    });
  }

  private async wait(ms: number): Promise<void> {
    const signal = this.settings.signal;
    // timers/promises rejects with a generic AbortError; callers expect the signal's reason.
    await sleep(ms, undefined, { signal }).catch((error: unknown) => {
      throw signal.aborted ? signal.reason : error;
    });
  }

  private stateFor(url: string): HostState {
    const host = new URL(url).host;
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = {
        limit: pLimit(this.settings.concurrencyPerHost),
        delayMs: this.settings.delayMs,
        lastStartAt: Number.NEGATIVE_INFINITY,
      };
      this.hosts.set(host, state);
    }
    return state;
  }
}
