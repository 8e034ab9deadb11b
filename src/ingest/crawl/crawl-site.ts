import type { CrawlConfig } from '../../core/config-schema.js';
import { MarkwerkError, UsageError } from '../../core/errors.js';
import { CompletionQueue } from './completion-queue.js';
import { createCrawlContext } from './crawl-context.js';
import { crawlPage } from './crawl-page.js';
import type { FrontierEntry, TaskOutcome } from './crawl-page.js';
import { discoverSitemapPages } from './discover-sitemap-pages.js';
import { normaliseUrl } from './normalise-url.js';
import type { CrawledPage, CrawlOptions } from './types.js';

export type { CrawledPage, CrawlOptions, CrawlSkip, CrawlSkipReason } from './types.js';

/**
 * Crawls websites politely and yields each page as soon as it has been fetched.
 *
 * Starts from `startUrls` (depth 0) and the pages listed in their sites' sitemaps (depth 1),
 * then follows links breadth-first up to `config.maxDepth`. Every URL is requested at most
 * once; robots.txt is read once per origin and obeyed, including its Crawl-delay; each host
 * gets at most `concurrencyPerHost` requests at a time, started `delayMs` apart. At most
 * `config.maxPages` page requests are made (URLs refused by robots.txt do not count).
 *
 * A page that fails (timeout, error status, wrong content type, oversized body, redirect
 * loop, ...) is logged, passed to `options.onSkip`, and skipped; the crawl goes on. Stopping
 * the iteration early cancels the requests still in flight.
 *
 * @throws UsageError when no start URL is given or one is not an absolute http(s) URL.
 * @throws MarkwerkError with code `INTERRUPTED` when `options.signal` aborts.
 * @example
 * for await (const page of crawlSite(['https://www.example.com/'], config.ingest.crawl)) {
 *   console.log(page.finalUrl, page.body.byteLength);
 * }
 */
export async function* crawlSite(
  startUrls: string[],
  config: CrawlConfig,
  options: CrawlOptions = {},
): AsyncGenerator<CrawledPage> {
  const seeds = normaliseStartUrls(startUrls);
  const stop = new AbortController();
  const forwardAbort = (): void => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardAbort, { once: true });
  const context = createCrawlContext(seeds, config, options, stop.signal);

  const frontier: FrontierEntry[] = [];
  let nextIndex = 0;
  const enqueue = ({ url, depth }: FrontierEntry): void => {
    if (depth > config.maxDepth || !context.inScope(url) || !context.claim(url)) return;
    frontier.push({ url, depth });
  };
  seeds.forEach((url) => enqueue({ url, depth: 0 }));

  const tasks = new CompletionQueue<TaskOutcome>();
  for (const origin of new Set(seeds.map((url) => new URL(url).origin))) {
    const found = discoverSitemapPages(origin, context);
    tasks.add(
      found.then((urls) => ({ discovered: urls.map(atDepthOne), refusedBeforeFetch: false })),
    );
  }

  let pagesStarted = 0;
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      for (; nextIndex < frontier.length && pagesStarted < config.maxPages; nextIndex += 1) {
        const entry = frontier[nextIndex];
        if (entry === undefined) break;
        pagesStarted += 1;
        tasks.add(crawlPage(entry, context));
      }

      const outcome = await tasks.next();
      if (outcome === undefined) return;
      if (outcome.refusedBeforeFetch) pagesStarted -= 1;
      outcome.discovered.forEach(enqueue);
      if (outcome.page !== undefined) yield outcome.page;
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
    const message =
      'The crawl was cancelled; pages yielded so far are complete, run it again to go on.';
    throw new MarkwerkError('INTERRUPTED', message, { cause: error });
  } finally {
    // Ends waits and requests still in flight when the caller stops early.
    stop.abort();
    options.signal?.removeEventListener('abort', forwardAbort);
  }
}

function atDepthOne(url: string): FrontierEntry {
  return { url, depth: 1 };
}

function normaliseStartUrls(startUrls: string[]): string[] {
  if (startUrls.length === 0) {
    throw new UsageError('No start URL given; pass at least one http(s) URL to crawl.');
  }
  return startUrls.map((raw) => {
    const url = /^https?:\/\//i.test(raw.trim()) ? normaliseUrl(raw) : undefined;
    if (url === undefined) {
      const message = `Start URL "${raw}" is not an absolute http(s) URL`;
      throw new UsageError(`${message}; pass one like https://www.example.com/.`, { url: raw });
    }
    return url;
  });
}
