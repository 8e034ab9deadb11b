import { parseHTML } from 'linkedom';
import { normaliseUrl } from './normalise-url.js';

/**
 * The followable links of an HTML page: every `a[href]` resolved against the page URL (or its
 * `<base href>`), normalised, without duplicates, in document order. Links marked
 * `rel="nofollow"`, non-http(s) links, and all links of a page whose robots meta tag says
 * `nofollow` or `none` are left out.
 */
export function extractLinks(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html);

  for (const meta of document.querySelectorAll('meta[name][content]')) {
    if (meta.getAttribute('name')?.trim().toLowerCase() !== 'robots') continue;
    const directives = (meta.getAttribute('content') ?? '').toLowerCase().split(/[\s,]+/);
    if (directives.includes('nofollow') || directives.includes('none')) return [];
  }

  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && normaliseUrl(baseHref, pageUrl)) || pageUrl;

  const links = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const relations = (anchor.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (relations.includes('nofollow')) continue;
    const url = normaliseUrl(anchor.getAttribute('href') ?? '', base);
    if (url !== undefined) links.add(url);
  }
  return [...links];
}
