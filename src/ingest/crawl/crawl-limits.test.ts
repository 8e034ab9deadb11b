import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMarkwerkError } from '../../core/errors.js';
import { crawlSite } from './crawl-site.js';
import { runCrawl, testCrawlConfig } from './test-support/run-crawl.js';
import { startStandInSite } from './test-support/stand-in-site-server.js';
import type { StandInSite } from './test-support/stand-in-site-server.js';

const isPageRequest = (path: string): boolean => path !== '/robots.txt' && !path.endsWith('.xml');

describe('crawlSite limits and stopping', () => {
  let site: StandInSite;

  beforeEach(async () => {
    site = await startStandInSite({ serveSample: false });
  });
  afterEach(() => site.close());

  it('makes at most maxPages page requests', async () => {
    const crawl = await runCrawl([`${site.origin}/filler.html`], { maxPages: 3 });

    expect(crawl.pages).toHaveLength(3);
    const pageRequests = site.requests.filter((request) => isPageRequest(request.path));
    expect(pageRequests).toHaveLength(3);
  });

  it('does not follow links beyond maxDepth', async () => {
    const crawl = await runCrawl([`${site.origin}/filler.html`], { maxDepth: 0 });

    expect(crawl.pages.map((page) => page.url)).toEqual([`${site.origin}/filler.html`]);
    expect(site.countOf('/filler/1.html')).toBe(0);
  });

  it('stops requesting when the caller stops iterating', async () => {
    const config = { ...testCrawlConfig, delayMs: 30 };
    for await (const page of crawlSite([`${site.origin}/filler.html`], config)) {
      expect(page.depth).toBe(0);
      break;
    }

    await sleep(60);
    const requestsAfterStop = site.requests.length;
    await sleep(150);
    expect(site.requests.length).toBe(requestsAfterStop);
    expect(site.countOf('/filler/10.html')).toBe(0);
  });

  it('throws an INTERRUPTED error when the signal aborts', async () => {
    const controller = new AbortController();
    const pages: string[] = [];
    const crawl = async (): Promise<void> => {
      const options = { signal: controller.signal };
      for await (const page of crawlSite(
        [`${site.origin}/filler.html`],
        testCrawlConfig,
        options,
      )) {
        pages.push(page.url);
        controller.abort();
      }
    };

    const error: unknown = await crawl().catch((thrown: unknown) => thrown);
    expect(isMarkwerkError(error) && error.code).toBe('INTERRUPTED');
    expect(pages).toHaveLength(1);
  });

  it('refuses start URLs that are not absolute http(s) URLs', async () => {
    const start = crawlSite(['www.bergfink.example/'], testCrawlConfig);
    await expect(start.next()).rejects.toMatchObject({ code: 'USAGE' });
    await expect(crawlSite([], testCrawlConfig).next()).rejects.toMatchObject({ code: 'USAGE' });
  });
});
