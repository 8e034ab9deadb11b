import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSiteRoot, startStandInSite } from './test-support/stand-in-site-server.js';
import type { StandInSite } from './test-support/stand-in-site-server.js';
import { runCrawl, testCrawlConfig } from './test-support/run-crawl.js';
import type { CrawlRecord } from './test-support/run-crawl.js';
import { recordFetchStarts, smallestGap } from './test-support/record-fetch-starts.js';

/** HTML files of the sample site outside /intern/, relative with forward slashes. */
function publicSampleFiles(): string[] {
  if (!existsSync(sampleSiteRoot)) return [];
  return readdirSync(sampleSiteRoot, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('intern/'));
}

describe('crawlSite on the stand-in site with misbehaving routes', () => {
  let site: StandInSite;
  let crawl: CrawlRecord;

  beforeAll(async () => {
    site = await startStandInSite({ stallMs: 5_000 });
    const startUrls = [`${site.origin}/`, `${site.origin}/specials.html`];
    crawl = await runCrawl(startUrls, { timeoutMs: 400 });
  });
  afterAll(() => site.close());

  const reasonOf = (path: string): string | undefined =>
    crawl.skips.find((skip) => skip.url === `${site.origin}${path}`)?.reason;
  const crawledPaths = (): string[] => crawl.pages.map((page) => new URL(page.url).pathname);

  it('crawls every public sample page, and pages listed only in a sitemap', () => {
    for (const file of publicSampleFiles()) expect(site.servedFiles).toContain(file);
    expect(crawledPaths()).toEqual(
      expect.arrayContaining(['/specials.html', '/only-in-sitemap.html', '/latin1.html']),
    );
  });

  it('reports each misbehaving route with its reason and still completes', () => {
    expect(reasonOf('/loop-a')).toBe('redirect-loop');
    expect(reasonOf('/hop/1')).toBe('too-many-redirects');
    expect(reasonOf('/slow-headers')).toBe('timeout');
    expect(reasonOf('/slow-body')).toBe('timeout');
    expect(reasonOf('/error-500')).toBe('http-error');
    expect(reasonOf('/cut-off')).toBe('network-error');
    expect(reasonOf('/oversized')).toBe('too-large');
    expect(reasonOf('/oversized-declared')).toBe('too-large');
    expect(reasonOf('/brochure.pdf')).toBe('content-type');
    expect(reasonOf('/intern/plan.html')).toBe('robots');
    expect(reasonOf('/intern/from-sitemap.html')).toBe('robots');

    const warned = crawl.logs.filter((entry) => entry.level === 'warn');
    expect(warned).toContainEqual(
      expect.objectContaining({ fields: expect.objectContaining({ reason: 'timeout' }) }),
    );
    // Pages after the bad ones in /specials.html were still crawled.
    expect(crawledPaths()).toContain('/moved');
  });

  it('never requests disallowed, nofollow or deeper-than-allowed sitemap URLs', () => {
    const requested = site.requests.map((request) => request.path);
    expect(requested.filter((path) => path.startsWith('/intern/'))).toEqual([]);
    expect(requested).not.toContain('/nofollow-target');
    expect(requested).not.toContain('/hidden-by-meta');
    expect(requested).not.toContain('/stand-in-sitemap-deep.xml');
    expect(requested).toContain('/meta-nofollow.html');
    expect(requested).toContain('/stand-in-sitemap-nested.xml');
  });

  it('requests robots.txt once and no URL twice', () => {
    expect(site.countOf('/robots.txt')).toBe(1);
    const requested = site.requests.map((request) => request.path);
    expect(requested.length).toBe(new Set(requested).size);
    expect(site.countOf('/loop-a')).toBe(1);
    expect(site.countOf('/loop-b')).toBe(1);
    expect(site.countOf('/hop/4')).toBe(1);
    expect(site.countOf('/hop/5')).toBe(0);
  });

  it('returns the requested and final URL, status, media type, charset and raw bytes', () => {
    const moved = crawl.pages.find((page) => page.url === `${site.origin}/moved`);
    expect(moved).toMatchObject({ finalUrl: `${site.origin}/moved-target.html`, status: 200 });

    const latin1 = crawl.pages.find((page) => page.url === `${site.origin}/latin1.html`);
    expect(latin1).toMatchObject({ contentType: 'text/html', charset: 'ISO-8859-1', depth: 1 });
    expect(latin1?.body).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder('iso-8859-1').decode(latin1?.body)).toContain('Grüße aus dem Allgäu');
  });

  it('identifies itself with the configured user agent', () => {
    const agents = new Set(site.requests.map((request) => request.userAgent));
    expect([...agents]).toEqual([testCrawlConfig.userAgent]);
  });
});

describe('crawlSite politeness and limits', () => {
  let site: StandInSite;

  beforeAll(async () => {
    site = await startStandInSite({ latencyMs: 40, serveSample: false });
  });
  afterAll(() => site.close());

  it('keeps to concurrencyPerHost and spaces request starts by delayMs', async () => {
    const fetches = recordFetchStarts();
    try {
      await runCrawl([`${site.origin}/filler.html`], { concurrencyPerHost: 2, delayMs: 20 });
    } finally {
      fetches.restore();
    }

    expect(site.maxInFlight).toBe(2);
    expect(fetches.starts.length).toBeGreaterThan(10);
    expect(fetches.starts.length).toBe(site.requests.length);
    // Timers may fire about a millisecond early relative to performance.now().
    expect(smallestGap(fetches.starts)).toBeGreaterThanOrEqual(18);
  });
});
