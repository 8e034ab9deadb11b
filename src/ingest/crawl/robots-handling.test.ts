import { afterEach, describe, expect, it } from 'vitest';
import { recordFetchStarts, smallestGap } from './test-support/record-fetch-starts.js';
import { runCrawl } from './test-support/run-crawl.js';
import { startStandInSite } from './test-support/stand-in-site-server.js';
import type { StandInSite } from './test-support/stand-in-site-server.js';

describe('crawlSite and robots.txt', () => {
  let site: StandInSite | undefined;

  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  it('crawls everything when robots.txt is missing (404)', async () => {
    site = await startStandInSite({ robotsStatus: 404, serveSample: false });
    const crawl = await runCrawl([`${site.origin}/filler.html`], { maxDepth: 1 });

    expect(crawl.pages).toHaveLength(11);
    expect(crawl.skips).toEqual([]);
    expect(site.countOf('/robots.txt')).toBe(1);
  });

  it('treats the host as disallowed when robots.txt answers 5xx, and says so', async () => {
    site = await startStandInSite({ robotsStatus: 503, serveSample: false });
    const startUrl = `${site.origin}/filler.html`;
    const crawl = await runCrawl([startUrl]);

    expect(crawl.pages).toEqual([]);
    expect(crawl.skips).toEqual([
      { url: startUrl, reason: 'robots', detail: expect.stringContaining('HTTP 503') },
    ]);
    expect(site.requests.map((request) => request.path)).toEqual(['/robots.txt']);
    const warning = crawl.logs.find((entry) => entry.level === 'warn');
    expect(warning?.message).toContain('robots.txt unreachable');
  });

  it('treats an unreachable host as disallowed', async () => {
    site = await startStandInSite({ serveSample: false });
    const startUrl = `${site.origin}/filler.html`;
    await site.close();
    site = undefined;

    const crawl = await runCrawl([startUrl]);
    expect(crawl.pages).toEqual([]);
    expect(crawl.skips).toMatchObject([{ url: startUrl, reason: 'robots' }]);
    expect(crawl.logs.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('honours a Crawl-delay longer than delayMs', async () => {
    const robotsText = 'User-agent: *\nCrawl-delay: 0.1\n';
    site = await startStandInSite({ robotsText, serveSample: false });
    const fetches = recordFetchStarts();
    try {
      await runCrawl([`${site.origin}/filler.html`], { delayMs: 0, maxPages: 3 });
    } finally {
      fetches.restore();
    }

    // robots.txt, the sitemap and three pages, each at least 100 ms after the one before.
    expect(fetches.starts.length).toBeGreaterThanOrEqual(4);
    expect(smallestGap(fetches.starts)).toBeGreaterThanOrEqual(98);
  });
});
