import type { CrawlConfig } from '../../core/config-schema.js';
import { silentLogger } from '../../core/logger.js';
import type { Logger } from '../../core/logger.js';
import { fetchWithRedirects } from './fetch-with-redirects.js';
import type { FetchSettings, RedirectVerdict } from './fetch-with-redirects.js';
import { HostScheduler } from './host-scheduler.js';
import { RobotsCache } from './robots-cache.js';
import type { RobotsRules } from './robots-cache.js';
import type { CrawlOptions, CrawlSkip } from './types.js';

/** The shared state of one crawl, handed to the functions that fetch pages and sitemaps. */
export interface CrawlContext {
  config: CrawlConfig;
  logger: Logger;
  /** Robots rules for the origin of `url`; also applies its Crawl-delay to the scheduler. */
  rulesFor(url: string): Promise<RobotsRules>;
  /** Marks `url` as taken; false when it was already fetched or queued in this crawl. */
  claim(url: string): boolean;
  /** Whether links to `url` may be followed (the `sameHost` rule). */
  inScope(url: string): boolean;
  /** Adds the host of `url` to the scope, used when a start URL redirects to another host. */
  widenScope(url: string): void;
  /** Logs a skipped URL and passes it to the caller's `onSkip`. */
  report(skip: CrawlSkip): void;
  pageSettings: FetchSettings;
  sitemapSettings: FetchSettings;
}

/** The sitemaps.org protocol caps an uncompressed sitemap at 50 MB. */
const sitemapMaxBytes = 50 * 1024 * 1024;
/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt. */
const robotsMaxBytes = 512 * 1024;

/** Builds the context for a crawl that starts from the already normalised `startUrls`. */
export function createCrawlContext(
  startUrls: string[],
  config: CrawlConfig,
  options: CrawlOptions,
  signal: AbortSignal,
): CrawlContext {
  const logger = options.logger ?? silentLogger;
  const scheduler = new HostScheduler({
    concurrencyPerHost: config.concurrencyPerHost,
    delayMs: config.delayMs,
    signal,
  });
  const schedule = <T>(url: string, request: () => Promise<T>): Promise<T> =>
    scheduler.run(url, request);
  const base = { userAgent: config.userAgent, timeoutMs: config.timeoutMs, signal, schedule };
  const maxRedirects = config.maxRedirects;

  const robots = new RobotsCache(
    (robotsUrl) =>
      fetchWithRedirects(robotsUrl, {
        ...base,
        // RFC 9309 asks crawlers to follow at least five redirects for robots.txt.
        maxRedirects: Math.max(5, config.maxRedirects),
        maxBytes: robotsMaxBytes,
        accept: 'text/plain, */*;q=0.5',
        acceptedMediaTypes: ['*/*'],
      }),
    config.userAgent,
    logger,
  );
  const seen = new Set<string>();
  const scopeHosts = new Set(startUrls.map((url) => new URL(url).host));

  const rulesFor = async (url: string): Promise<RobotsRules> => {
    const rules = await robots.rulesFor(url);
    if (rules.crawlDelayMs !== undefined) scheduler.raiseDelay(url, rules.crawlDelayMs);
    return rules;
  };
  const claim = (url: string): boolean => {
    if (seen.has(url)) return false;
    seen.add(url);
    return true;
  };
  const checkRedirect = async (target: string): Promise<RedirectVerdict> => {
    const rules = await rulesFor(target);
    if (!rules.isAllowed(target)) return 'disallowed';
    return claim(target) ? 'follow' : 'already-fetched';
  };

  return {
    config,
    logger,
    rulesFor,
    claim,
    inScope: (url) => !config.sameHost || scopeHosts.has(new URL(url).host),
    widenScope: (url) => void scopeHosts.add(new URL(url).host),
    report: (skip) => {
      const level = skip.reason === 'robots' ? 'info' : 'warn';
      logger[level]({ url: skip.url, reason: skip.reason, detail: skip.detail }, 'page skipped');
      options.onSkip?.(skip);
    },
    pageSettings: {
      ...base,
      maxRedirects,
      maxBytes: config.maxBytes,
      accept: config.contentTypes.join(', '),
      acceptedMediaTypes: config.contentTypes,
      checkRedirect,
    },
    sitemapSettings: {
      ...base,
      maxRedirects,
      maxBytes: sitemapMaxBytes,
      accept: 'application/xml, text/xml;q=0.9, */*;q=0.5',
      acceptedMediaTypes: ['*/*'],
      checkRedirect: async (target) =>
        (await rulesFor(target)).isAllowed(target) ? 'follow' : 'disallowed',
    },
  };
}
