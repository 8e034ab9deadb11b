import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './normalise-url.js';

describe('normaliseUrl', () => {
  it('lower-cases the host, drops default ports, fragments and credentials', () => {
    expect(normaliseUrl('HTTPS://WWW.Bergfink.Example:443/Wandern?q=1#top')).toBe(
      'https://www.bergfink.example/Wandern?q=1',
    );
    expect(normaliseUrl('http://user:secret@example.com:80/a#')).toBe('http://example.com/a');
    expect(normaliseUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('resolves relative references against the base', () => {
    const base = 'https://example.com/shop/boots/index.html';
    expect(normaliseUrl('../socks.html', base)).toBe('https://example.com/shop/socks.html');
    expect(normaliseUrl('  /about  ', base)).toBe('https://example.com/about');
    expect(normaliseUrl('#reviews', base)).toBe('https://example.com/shop/boots/index.html');
  });

  it('rejects links that are not http(s)', () => {
    const base = 'https://example.com/';
    for (const href of [
      'mailto:a@example.com',
      'tel:+49301234',
      'javascript:void(0)',
      'ftp://x/',
    ]) {
      expect(normaliseUrl(href, base)).toBeUndefined();
    }
    expect(normaliseUrl('http://')).toBeUndefined();
  });
});
