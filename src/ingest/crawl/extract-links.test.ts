import { describe, expect, it } from 'vitest';
import { extractLinks } from './extract-links.js';

const pageUrl = 'https://www.bergfink.example/produkte/index.html';

describe('extractLinks', () => {
  it('resolves, normalises and de-duplicates a[href] in document order', () => {
    const html = `<html><body>
      <a href="rucksack.html">Rucksack</a>
      <a href="/ueber-uns#team">Team</a>
      <a href="HTTPS://WWW.BERGFINK.EXAMPLE:443/ueber-uns">Again</a>
      <a href="https://elsewhere.example/">Elsewhere</a>
      <a>no href</a>
    </body></html>`;

    expect(extractLinks(html, pageUrl)).toEqual([
      'https://www.bergfink.example/produkte/rucksack.html',
      'https://www.bergfink.example/ueber-uns',
      'https://elsewhere.example/',
    ]);
  });

  it('skips nofollow links and non-http schemes', () => {
    const html = `<body>
      <a href="/a" rel="NoFollow noopener">a</a>
      <a href="mailto:info@bergfink.example">mail</a>
      <a href="tel:+4930123">call</a>
      <a href="javascript:alert(1)">script</a>
      <a href="/b" rel="noopener">b</a>
    </body>`;

    expect(extractLinks(html, pageUrl)).toEqual(['https://www.bergfink.example/b']);
  });

  it('returns nothing when the robots meta tag says nofollow or none', () => {
    const link = '<a href="/b">b</a>';
    const nofollow = `<head><meta name="Robots" content="noindex,NOFOLLOW"></head><body>${link}`;
    const none = `<head><meta name="robots" content="none"></head><body>${link}`;
    const noindex = `<head><meta name="robots" content="noindex"></head><body>${link}`;

    expect(extractLinks(nofollow, pageUrl)).toEqual([]);
    expect(extractLinks(none, pageUrl)).toEqual([]);
    expect(extractLinks(noindex, pageUrl)).toEqual(['https://www.bergfink.example/b']);
  });

  it('resolves against <base href> when the page sets one', () => {
    const html = '<head><base href="/archiv/2024/"></head><body><a href="post.html">p</a></body>';
    expect(extractLinks(html, pageUrl)).toEqual([
      'https://www.bergfink.example/archiv/2024/post.html',
    ]);
  });
});
