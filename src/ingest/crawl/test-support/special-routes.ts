import type { IncomingMessage, ServerResponse } from 'node:http';

type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface SpecialRouteSettings {
  stallMs?: number;
  oversizedBytes?: number;
}

/** Runs `action` after `ms`; the server cancels pending actions when it closes. */
export type Later = (ms: number, action: () => void) => void;

const html = 'text/html; charset=utf-8';

/** Well-behaved pages linked from /filler.html, for tests about limits and politeness. */
export const fillerPaths = Array.from({ length: 10 }, (_, index) => `/filler/${index + 1}.html`);

/** The links the crawler should find on /specials.html, each to a route below. */
const specialsPage = `<!doctype html>
<html lang="en"><head><title>Stand-in specials</title></head>
<body id="top">
  <a href="/loop-a">redirect loop</a>
  <a href="/hop/1">long redirect chain</a>
  <a href="/moved">moved page</a>
  <a href="/slow-headers">slow headers</a>
  <a href="/slow-body">slow body</a>
  <a href="/error-500">server error</a>
  <a href="/cut-off">connection cut off</a>
  <a href="/oversized">oversized, streamed</a>
  <a href="/oversized-declared">oversized, declared</a>
  <a href="/brochure.pdf">brochure</a>
  <a href="/latin1.html">latin-1 page</a>
  <a href="/intern/plan.html">internal plan</a>
  <a href="/meta-nofollow.html">page that forbids following</a>
  <a href="/nofollow-target" rel="external nofollow">not to be followed</a>
  <a href="mailto:info@bergfink.example">mail</a>
  <a href="tel:+4930123456">phone</a>
  <a href="javascript:void(0)">script</a>
  <a href="#top">top</a>
  <a href="/specials.html#again">this page again</a>
</body></html>`;

function page(title: string, body = ''): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function sitemapIndex(locations: string[]): string {
  const entries = locations.map((location) => `<sitemap><loc>${location}</loc></sitemap>`);
  const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="${namespace}">${entries.join('')}</sitemapindex>`;
}

function urlset(locations: string[]): string {
  const entries = locations.map((location) => `<url><loc>${location}</loc></url>`);
  const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="${namespace}">${entries.join('')}</urlset>`;
}

const originOf = (request: IncomingMessage): string => `http://${request.headers.host ?? ''}`;

const redirect =
  (location: string, status = 302): RouteHandler =>
  (_request, response) =>
    response.writeHead(status, { location }).end();

const serve =
  (contentType: string, body: string | Buffer): RouteHandler =>
  (_request, response) =>
    response.writeHead(200, { 'content-type': contentType }).end(body);

/** Misbehaving and helper routes the stand-in site adds to the sample files. */
export function specialRoutes(
  settings: SpecialRouteSettings,
  later: Later,
): Record<string, RouteHandler> {
  const stallMs = settings.stallMs ?? 2_000;
  const oversizedBytes = settings.oversizedBytes ?? 1024 * 1024;
  const routes: Record<string, RouteHandler> = {
    '/specials.html': serve(html, specialsPage),
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    '/moved': redirect('moved-target.html', 301),
    '/moved-target.html': serve(html, page('Moved here', '<a href="/specials.html">back</a>')),
    '/slow-headers': (_request, response) =>
      later(stallMs, () => response.writeHead(200, { 'content-type': html }).end(page('Late'))),
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': html }).write('<!doctype html><html><body>');
      later(stallMs, () => response.end('</body></html>'));
    },
    '/error-500': (_request, response) => response.writeHead(500).end('internal error'),
    '/cut-off': (_request, response) => {
      response.writeHead(200, { 'content-type': html, 'content-length': '10000' });
      response.write('<!doctype html><html><body><p>The connection drops here');
      later(10, () => response.socket?.destroy());
    },
    '/oversized': (_request, response) => {
      response.writeHead(200, { 'content-type': html });
      const chunk = '<p>filler</p>'.repeat(1024);
      for (let written = 0; written < oversizedBytes; written += chunk.length)
        response.write(chunk);
      response.end();
    },
    '/oversized-declared': (_request, response) => {
      response.writeHead(200, { 'content-type': html, 'content-length': String(oversizedBytes) });
      response.end('x'.repeat(oversizedBytes));
    },
    '/brochure.pdf': serve('application/pdf', '%PDF-1.4\n% stand-in brochure\n'),
    '/latin1.html': serve(
      'text/html; charset=ISO-8859-1',
      Buffer.from(page('Grüße', '<p>Grüße aus dem Allgäu</p>'), 'latin1'),
    ),
    '/meta-nofollow.html': serve(
      html,
      '<!doctype html><html><head><meta name="ROBOTS" content="noindex, NoFollow"></head>' +
        '<body><a href="/hidden-by-meta">hidden</a></body></html>',
    ),
    '/nofollow-target': serve(html, page('Should not be fetched')),
    '/hidden-by-meta': serve(html, page('Should not be fetched')),
    '/intern/plan.html': serve(html, page('Internal plan')),
    '/only-in-sitemap.html': serve(html, page('Listed only in a sitemap')),
    '/stand-in-sitemap-index.xml': (request, response) => {
      const origin = originOf(request);
      const children = ['pages', 'nested'].map((name) => `${origin}/stand-in-sitemap-${name}.xml`);
      const body = sitemapIndex([...children, 'http://elsewhere.invalid/sitemap.xml']);
      response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    },
    '/stand-in-sitemap-pages.xml': (request, response) => {
      const origin = originOf(request);
      const pages = ['/only-in-sitemap.html', '/intern/from-sitemap.html'];
      const body = urlset([...pages.map((path) => origin + path), 'http://elsewhere.invalid/']);
      response.writeHead(200, { 'content-type': 'application/xml' }).end(body);
    },
    '/stand-in-sitemap-nested.xml': (request, response) => {
      const body = sitemapIndex([`${originOf(request)}/stand-in-sitemap-deep.xml`]);
      response.writeHead(200, { 'content-type': 'text/xml' }).end(body);
    },
  };
  for (let hop = 1; hop <= 10; hop += 1) routes[`/hop/${hop}`] = redirect(`/hop/${hop + 1}`);
  const fillerLinks = fillerPaths.map((path) => `<a href="${path}">${path}</a>`);
  routes['/filler.html'] = serve(html, page('Filler index', fillerLinks.join('\n')));
  for (const path of fillerPaths)
    routes[path] = serve(html, page(path, '<a href="/filler.html">up</a>'));
  return routes;
}
