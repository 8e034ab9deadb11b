import { XMLParser } from 'fast-xml-parser';

/** The locations listed in a sitemap: pages for a `urlset`, sitemaps for a `sitemapindex`. */
export interface ParsedSitemap {
  kind: 'urlset' | 'index' | 'unrecognised';
  locations: string[];
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/**
 * Parses sitemap XML (sitemaps.org protocol). Anything that is not a `urlset` or
 * `sitemapindex`, including malformed XML, is `unrecognised` with no locations.
 */
export function parseSitemap(xml: string): ParsedSitemap {
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return { kind: 'unrecognised', locations: [] };
  }
  if (!isRecord(document)) return { kind: 'unrecognised', locations: [] };

  const urlset = document['urlset'];
  if (isRecord(urlset)) return { kind: 'urlset', locations: locationsOf(urlset['url']) };
  const index = document['sitemapindex'];
  if (isRecord(index)) return { kind: 'index', locations: locationsOf(index['sitemap']) };
  return { kind: 'unrecognised', locations: [] };
}

function locationsOf(entries: unknown): string[] {
  if (!Array.isArray(entries)) return [];
  const locations: string[] = [];
  for (const entry of entries) {
    const location = isRecord(entry) ? entry['loc'] : undefined;
    if (typeof location === 'string' && location.trim() !== '') locations.push(location.trim());
  }
  return locations;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
