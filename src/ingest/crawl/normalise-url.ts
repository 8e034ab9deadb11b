/**
 * Resolves `raw` against `base` and returns the crawler's canonical form of the URL, or
 * `undefined` when it is not an http(s) URL (mailto:, tel:, javascript:, malformed input).
 *
 * The canonical form has a lower-case host, no default port, no fragment and no credentials,
 * so that one page reached through different spellings is fetched only once.
 */
export function normaliseUrl(raw: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;

  // WHATWG URL parsing already lower-cases the host and drops default ports.
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}
