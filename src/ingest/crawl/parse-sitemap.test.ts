import { describe, expect, it } from 'vitest';
import { collectSitemapUrls } from './collect-sitemap-urls.js';
import { parseSitemap } from './parse-sitemap.js';
import { silentLogger } from '../../core/logger.js';

const namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const urlset = (locations: string[]): string =>
  `<?xml version="1.0"?><urlset ${namespace}>${locations
    .map((location) => `<url><loc> ${location} </loc><priority>0.5</priority></url>`)
    .join('')}</urlset>`;
const index = (locations: string[]): string =>
  `<sitemapindex ${namespace}>${locations
    .map((location) => `<sitemap><loc>${location}</loc></sitemap>`)
    .join('')}</sitemapindex>`;

describe('parseSitemap', () => {
  it('reads page locations from a urlset, also with a single entry and entities', () => {
    expect(parseSitemap(urlset(['https://a.example/?x=1&amp;y=2']))).toEqual({
      kind: 'urlset',
      locations: ['https://a.example/?x=1&y=2'],
    });
  });

  it('reads sitemap locations from an index', () => {
    const parsed = parseSitemap(index(['https://a.example/1.xml', 'https://a.example/2.xml']));
    expect(parsed).toEqual({
      kind: 'index',
      locations: ['https://a.example/1.xml', 'https://a.example/2.xml'],
    });
  });

  it('treats other documents as unrecognised', () => {
    expect(parseSitemap('<html><body>Not found</body></html>').kind).toBe('unrecognised');
    expect(parseSitemap('plain text').kind).toBe('unrecognised');
  });
});

describe('collectSitemapUrls', () => {
  const files: Record<string, string> = {
    'https://a.example/sitemap.xml': index([
      'https://a.example/pages.xml',
      'https://a.example/nested.xml',
      'https://b.example/pages.xml',
    ]),
    'https://a.example/pages.xml': urlset(['https://a.example/one', 'https://b.example/two']),
    'https://a.example/nested.xml': index(['https://a.example/deep.xml']),
    'https://a.example/deep.xml': urlset(['https://a.example/deep-page']),
    'https://a.example/extra.xml': urlset(['https://A.example:443/three#x']),
  };

  it('follows an index one level deep, stays in scope and reads each sitemap once', async () => {
    const loaded: string[] = [];
    const pages = await collectSitemapUrls({
      sitemapUrls: [
        'https://a.example/sitemap.xml',
        'https://a.example/extra.xml',
        'https://a.example/sitemap.xml',
      ],
      load: async (url) => {
        loaded.push(url);
        return files[url];
      },
      inScope: (url) => new URL(url).host === 'a.example',
      logger: silentLogger,
    });

    expect(pages).toEqual(['https://a.example/one', 'https://a.example/three']);
    expect(loaded).toEqual([
      'https://a.example/sitemap.xml',
      'https://a.example/pages.xml',
      'https://a.example/nested.xml',
      'https://a.example/extra.xml',
    ]);
  });
});
