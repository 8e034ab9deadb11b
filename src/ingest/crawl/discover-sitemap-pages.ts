import { collectSitemapUrls } from './collect-sitemap-urls.js';
import type { CrawlContext } from './crawl-context.js';
import { fetchWithRedirects } from './fetch-with-redirects.js';

/**
 * The page URLs listed in the sitemaps of the origin of `startUrl`: its /sitemap.xml and
 * every `Sitemap:` line of its robots.txt, each fetched at most once and only if robots.txt
 * allows it. A missing sitemap is normal and logged at debug level only.
 */
export async function discoverSitemapPages(
  startUrl: string,
  context: CrawlContext,
): Promise<string[]> {
  const origin = new URL(startUrl).origin;
  const rules = await context.rulesFor(startUrl);

  return collectSitemapUrls({
    sitemapUrls: [`${origin}/sitemap.xml`, ...rules.sitemaps],
    inScope: (url) => context.inScope(url),
    load: (url) => loadSitemap(url, context),
    logger: context.logger,
  });
}

async function loadSitemap(url: string, context: CrawlContext): Promise<string | undefined> {
  const rules = await context.rulesFor(url);
  if (!rules.isAllowed(url) || !context.claim(url)) return undefined;

  const result = await fetchWithRedirects(url, context.sitemapSettings);
  if (result.kind === 'page') return new TextDecoder().decode(result.body);
  if (result.kind === 'failed' && result.status === 404) {
    context.logger.debug({ url }, 'no sitemap at this URL');
    return undefined;
  }
  const detail = result.kind === 'failed' ? result.detail : 'redirect to an already fetched URL';
  context.logger.warn({ url, detail }, 'sitemap could not be read; crawling by links only');
  return undefined;
}
