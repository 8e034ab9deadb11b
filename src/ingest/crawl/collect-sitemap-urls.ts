import type { Logger } from '../../core/logger.js';
import { normaliseUrl } from './normalise-url.js';
import { parseSitemap } from './parse-sitemap.js';

export interface SitemapSources {
  /** Sitemap URLs to read: the site's /sitemap.xml and those named in robots.txt. */
  sitemapUrls: string[];
  /** Returns the sitemap text, or `undefined` when it cannot or may not be read. */
  load: (sitemapUrl: string) => Promise<string | undefined>;
  /** Whether a sitemap or page URL is inside the crawl's scope (same host, robots). */
  inScope: (url: string) => boolean;
  logger: Logger;
}

/**
 * Reads the given sitemaps and returns the page URLs they list, normalised and in order.
 * A sitemap index is followed one level deep; an index inside an index is ignored, which
 * keeps a misconfigured site from sending the crawler through an endless chain of sitemaps.
 */
export async function collectSitemapUrls(sources: SitemapSources): Promise<string[]> {
  const visited = new Set<string>();
  const pages: string[] = [];

  const read = async (sitemapUrl: string, allowIndex: boolean): Promise<void> => {
    const url = normaliseUrl(sitemapUrl);
    if (url === undefined || visited.has(url) || !sources.inScope(url)) return;
    visited.add(url);

    const text = await sources.load(url);
    if (text === undefined) return;
    const sitemap = parseSitemap(text);
    if (sitemap.kind === 'urlset') {
      for (const location of sitemap.locations) {
        const page = normaliseUrl(location);
        if (page !== undefined && sources.inScope(page)) pages.push(page);
      }
      return;
    }
    if (sitemap.kind === 'index' && allowIndex) {
      for (const child of sitemap.locations) await read(child, false);
      return;
    }
    sources.logger.debug({ url, kind: sitemap.kind }, 'sitemap ignored');
  };

  for (const sitemapUrl of sources.sitemapUrls) await read(sitemapUrl, true);
  return pages;
}
