import { fetchOnce } from './fetch-once.js';
import type { RequestSettings } from './fetch-once.js';
import { normaliseUrl } from './normalise-url.js';
import type { CrawlSkipReason } from './types.js';

/** What to do with a redirect target: follow it, drop it quietly, or report it as disallowed. */
export type RedirectVerdict = 'follow' | 'already-fetched' | 'disallowed';

export interface FetchSettings extends RequestSettings {
  maxRedirects: number;
  /** Runs each request, including every redirect hop, e.g. through a per-host scheduler. */
  schedule?: <T>(url: string, request: () => Promise<T>) => Promise<T>;
  /** Asked before a redirect target is requested; by default every target is followed. */
  checkRedirect?: (target: string) => Promise<RedirectVerdict>;
}

export type FetchResult =
  | {
      kind: 'page';
      finalUrl: string;
      status: number;
      mediaType: string;
      charset?: string;
      body: Uint8Array;
    }
  | { kind: 'failed'; finalUrl: string; reason: CrawlSkipReason; detail: string; status?: number }
  | { kind: 'already-fetched'; finalUrl: string };

const runDirectly = <T>(_url: string, request: () => Promise<T>): Promise<T> => request();

/**
 * Fetches `url`, following redirects one hop at a time (fetch runs with `redirect: 'manual'`)
 * so that every hop gets its own timeout, scheduling and robots check, and so that loops and
 * overlong chains are reported by name instead of as a generic fetch error.
 */
export async function fetchWithRedirects(
  url: string,
  settings: FetchSettings,
): Promise<FetchResult> {
  const schedule = settings.schedule ?? runDirectly;
  const chain = [url];
  let current = url;

  for (;;) {
    const target = current;
    const response = await schedule(target, () => fetchOnce(target, settings));
    if (response.kind === 'page') return { ...response, finalUrl: current };
    if (response.kind === 'failed') return { ...response, finalUrl: current };

    const location = response.location ?? '';
    const next = normaliseUrl(location, current);
    if (next === undefined) {
      const detail = `HTTP ${response.status} with unusable Location "${location}"`;
      return { kind: 'failed', finalUrl: current, reason: 'http-error', detail };
    }
    if (chain.includes(next)) {
      const detail = `redirect loop: ${[...chain, next].join(' -> ')}`;
      return { kind: 'failed', finalUrl: current, reason: 'redirect-loop', detail };
    }
    if (chain.length > settings.maxRedirects) {
      const detail = `more than ${settings.maxRedirects} redirects, last to ${next}`;
      return { kind: 'failed', finalUrl: current, reason: 'too-many-redirects', detail };
    }

    const verdict = settings.checkRedirect ? await settings.checkRedirect(next) : 'follow';
    if (verdict === 'already-fetched') return { kind: 'already-fetched', finalUrl: next };
    if (verdict === 'disallowed') {
      const detail = `redirect target ${next} is disallowed by robots.txt`;
      return { kind: 'failed', finalUrl: next, reason: 'robots', detail };
    }
    chain.push(next);
    current = next;
  }
}
