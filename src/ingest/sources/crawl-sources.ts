import type { CrawlConfig } from '../../core/config-schema.js';
import type { Logger } from '../../core/logger.js';
import { crawlSite } from '../crawl/crawl-site.js';
import type { Source } from './source.js';

export interface CrawlFailure {
  key: string;
  reason: string;
}

/**
 * Crawled pages as sources. Pages the crawler had to skip (robots, timeouts, broken
 * pages) are reported through `onFailure` and never stop the run.
 */
export async function* crawlSources(
  startUrls: string[],
  config: CrawlConfig,
  options: { logger: Logger; signal?: AbortSignal; onFailure(failure: CrawlFailure): void },
): AsyncGenerator<Source> {
  const pages = crawlSite(startUrls, config, {
    logger: options.logger,
    ...(options.signal ? { signal: options.signal } : {}),
    onSkip: (skip) => {
      if (skip.reason === 'robots') return;
      options.onFailure({ key: skip.url, reason: `${skip.reason}: ${skip.detail}` });
    },
  });
  for await (const page of pages) {
    const input = {
      bytes: page.body,
      ...(page.charset ? { charset: page.charset } : {}),
    };
    yield {
      key: page.finalUrl,
      origin: 'crawl',
      location: page.finalUrl,
      read: async () => input,
    };
  }
}
