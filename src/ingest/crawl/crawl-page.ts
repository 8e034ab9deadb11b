import { describeError } from '../../core/errors.js';
import type { CrawlContext } from './crawl-context.js';
import { extractLinks } from './extract-links.js';
import { fetchWithRedirects } from './fetch-with-redirects.js';
import type { CrawledPage } from './types.js';

/** A URL waiting to be crawled and its link distance from the start URLs. */
export interface FrontierEntry {
  url: string;
  depth: number;
}

/** What one crawl task produced: at most one page, and URLs found along the way. */
export interface TaskOutcome {
  page?: CrawledPage;
  discovered: FrontierEntry[];
  /** True when the URL was refused before any request, so it does not count toward maxPages. */
  refusedBeforeFetch: boolean;
}

const htmlMediaTypes = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Crawls one URL: checks robots.txt, fetches it through the host scheduler, reports a skip
 * when it fails, and otherwise returns the page with the links it is allowed to follow.
 */
export async function crawlPage(entry: FrontierEntry, context: CrawlContext): Promise<TaskOutcome> {
  const rules = await context.rulesFor(entry.url);
  if (!rules.isAllowed(entry.url)) {
    context.report({ url: entry.url, reason: 'robots', detail: rules.refusal });
    return { discovered: [], refusedBeforeFetch: true };
  }

  const result = await fetchWithRedirects(entry.url, context.pageSettings);
  if (result.kind === 'already-fetched') {
    const fields = { url: entry.url, finalUrl: result.finalUrl };
    context.logger.debug(fields, 'redirect leads to a URL this crawl already has');
    return { discovered: [], refusedBeforeFetch: false };
  }
  if (result.kind === 'failed') {
    context.report({ url: entry.url, reason: result.reason, detail: result.detail });
    return { discovered: [], refusedBeforeFetch: false };
  }

  if (entry.depth === 0) context.widenScope(result.finalUrl);
  const page: CrawledPage = {
    url: entry.url,
    finalUrl: result.finalUrl,
    status: result.status,
    contentType: result.mediaType,
    body: result.body,
    depth: entry.depth,
  };
  if (result.charset !== undefined) page.charset = result.charset;
  return { page, discovered: linksToFollow(page, context), refusedBeforeFetch: false };
}

function linksToFollow(page: CrawledPage, context: CrawlContext): FrontierEntry[] {
  if (page.depth >= context.config.maxDepth || !htmlMediaTypes.has(page.contentType)) return [];

  try {
    const html = decode(page.body, page.charset);
    const depth = page.depth + 1;
    return extractLinks(html, page.finalUrl).map((url) => ({ url, depth }));
  } catch (error) {
    // The page itself is still returned; only its links are lost.
    const fields = { url: page.url, detail: describeError(error) };
    context.logger.warn(fields, 'links could not be read from page');
    return [];
  }
}

/** Link targets are almost always ASCII, so an unknown charset falls back to UTF-8. */
function decode(body: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder().decode(body);
  }
}
