import { createRequire } from 'node:module';
import type { Logger } from '../../core/logger.js';
import type { FetchResult } from './fetch-with-redirects.js';

/** The rules that apply to one origin. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Why a disallowed URL is refused, for skip reports. */
  refusal: string;
  /** Crawl-delay for our user agent in milliseconds, when robots.txt sets one. */
  crawlDelayMs?: number;
  /** Sitemap URLs listed in robots.txt. */
  sitemaps: string[];
}

interface ParsedRobots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
  getSitemaps(): string[];
}

// robots-parser is CommonJS and its typings declare an ES default export that Node does not
// provide, so it is loaded through require with a local description of its surface.
const require = createRequire(import.meta.url);
const parseRobots = require('robots-parser') as (url: string, contents: string) => ParsedRobots;

/** Fetches robots.txt for a URL; supplied by the crawler so it goes through its scheduler. */
export type RobotsLoader = (robotsUrl: string) => Promise<FetchResult>;

/**
 * Fetches and parses robots.txt once per origin and keeps the result for the whole crawl.
 * Following RFC 9309, a 4xx answer means everything is allowed, while a 5xx answer, 429, or no
 * answer at all means the host is treated as fully disallowed.
 */
export class RobotsCache {
  private readonly rulesByOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly userAgent: string,
    private readonly logger: Logger,
  ) {}

  /** The rules for the origin of `url`; concurrent callers share one fetch. */
  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.rulesByOrigin.get(origin);
    if (rules === undefined) {
      rules = this.fetchRules(origin);
      this.rulesByOrigin.set(origin, rules);
    }
    return rules;
  }

  private async fetchRules(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const result = await this.load(robotsUrl);

    if (result.kind === 'page') {
      const text = new TextDecoder().decode(result.body);
      return this.parse(robotsUrl, text);
    }
    const status = result.kind === 'failed' ? result.status : undefined;
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
      this.logger.debug({ url: robotsUrl, status }, 'no robots.txt; every path is allowed');
      return { isAllowed: () => true, refusal: '', sitemaps: [] };
    }

    const detail = result.kind === 'failed' ? result.detail : 'redirected to a fetched URL';
    const refusal = `robots.txt could not be read (${detail}); the host is treated as disallowed`;
    this.logger.warn({ url: robotsUrl, detail }, 'robots.txt unreachable; not crawling this host');
    return { isAllowed: () => false, refusal, sitemaps: [] };
  }

  private parse(robotsUrl: string, text: string): RobotsRules {
    const robots = parseRobots(robotsUrl, text);
    const crawlDelaySeconds = robots.getCrawlDelay(this.userAgent);
    return {
      isAllowed: (url) => robots.isAllowed(url, this.userAgent) !== false,
      refusal: 'disallowed by robots.txt',
      crawlDelayMs: crawlDelaySeconds === undefined ? undefined : crawlDelaySeconds * 1000,
      sitemaps: robots.getSitemaps(),
    };
  }
}
