import type { CrawlConfig } from '../../../core/config-schema.js';
import { crawlSite } from '../crawl-site.js';
import type { CrawledPage, CrawlSkip } from '../types.js';
import { standInUserAgent } from './stand-in-site-server.js';
import { createRecordingLogger } from './recording-logger.js';
import type { LogEntry } from './recording-logger.js';

/** Small limits so the whole suite runs in a few seconds against the stand-in site. */
export const testCrawlConfig: CrawlConfig = {
  userAgent: standInUserAgent,
  maxPages: 200,
  maxDepth: 5,
  concurrencyPerHost: 2,
  delayMs: 20,
  // Generous, so a busy test machine cannot turn a good page into a timeout; the test of the
  // slow routes sets a short one.
  timeoutMs: 2_000,
  maxRedirects: 3,
  maxBytes: 64 * 1024,
  contentTypes: ['text/html', 'application/xhtml+xml', 'text/plain'],
  sameHost: true,
};

export interface CrawlRecord {
  pages: CrawledPage[];
  skips: CrawlSkip[];
  logs: LogEntry[];
}

/** Runs a crawl to the end and collects what it yielded, skipped and logged. */
export async function runCrawl(
  startUrls: string[],
  overrides: Partial<CrawlConfig> = {},
): Promise<CrawlRecord> {
  const logger = createRecordingLogger();
  const skips: CrawlSkip[] = [];
  const pages: CrawledPage[] = [];
  const config = { ...testCrawlConfig, ...overrides };
  for await (const page of crawlSite(startUrls, config, {
    logger,
    onSkip: (skip) => skips.push(skip),
  })) {
    pages.push(page);
  }
  return { pages, skips, logs: logger.entries };
}
