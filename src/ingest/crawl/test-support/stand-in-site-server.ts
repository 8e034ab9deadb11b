import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specialRoutes } from './special-routes.js';

/** The sample website every crawler test serves, found relative to this file. */
export const sampleSiteRoot = fileURLToPath(new URL('../../../../samples/site/', import.meta.url));

/** The origin the sample files use for absolute URLs; replaced by the server's own. */
const sampleOrigin = 'https://www.bergfink.example';

/** The user agent the tests crawl with; robots.txt gets a group of rules just for it. */
export const standInUserAgent = 'MarkwerkStandInBot/1.0 (+https://markwerk.test)';

export interface StandInSiteOptions {
  /** Status for /robots.txt; 200 (the default) serves the sample robots.txt plus test rules. */
  robotsStatus?: number;
  /** Replaces the robots.txt body entirely. */
  robotsText?: string;
  /** How long the slow routes stall before finishing, in milliseconds. */
  stallMs?: number;
  /** Size of the oversized page in bytes. */
  oversizedBytes?: number;
  /** Wait before answering any request, so that requests overlap. */
  latencyMs?: number;
  /**
   * Whether the sample files (and the sample robots.txt and sitemap) are served; tests of
   * limits turn this off so that their counts do not depend on the sample's content.
   */
  serveSample?: boolean;
}

export interface RecordedRequest {
  path: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  userAgent: string | undefined;
}

/** A local stand-in for a real website: the sample files plus misbehaving routes. */
export interface StandInSite {
  origin: string;
  requests: RecordedRequest[];
  /** The largest number of requests that were open at the same time. */
  readonly maxInFlight: number;
  /** Sample files served, relative to the sample folder with forward slashes. */
  servedFiles: Set<string>;
  /** How many times `path` was requested. */
  countOf(path: string): number;
  close(): Promise<void>;
}

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
};

/** Starts the stand-in site on 127.0.0.1 with a random port. */
export async function startStandInSite(options: StandInSiteOptions = {}): Promise<StandInSite> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let origin = '';
  const servedFiles = new Set<string>();

  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };
  const routes = specialRoutes(options, later);

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    requests.push({ path, startedAt: performance.now(), userAgent: request.headers['user-agent'] });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // 'finish' comes before the client can see the end of the body, so a crawler that waits
    // for complete responses never makes this count exceed its own.
    let open = true;
    const done = (): void => {
      if (open) inFlight -= 1;
      open = false;
    };
    response
      .on('finish', done)
      .on('close', done)
      .on('error', () => undefined);

    const answer = (): void => {
      const special = routes[path];
      if (special !== undefined) return special(request, response);
      if (path === '/robots.txt') return serveRobots(response, origin, options);
      if (options.serveSample === false) return notFound(response);
      serveFile(path, response, origin, servedFiles);
    };
    if (options.latencyMs === undefined) answer();
    else later(options.latencyMs, answer);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    servedFiles,
    get maxInFlight() {
      return maxInFlight;
    },
    countOf: (path) => requests.filter((request) => request.path === path).length,
    close: async () => {
      timers.forEach((timer) => clearTimeout(timer));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveRobots(response: ServerResponse, origin: string, options: StandInSiteOptions): void {
  const status = options.robotsStatus ?? 200;
  if (status !== 200) {
    response.writeHead(status, { 'content-type': 'text/plain' }).end(`robots.txt: ${status}`);
    return;
  }
  const samplePath = join(sampleSiteRoot, 'robots.txt');
  const useSample = options.serveSample !== false && existsSync(samplePath);
  const sample = useSample ? readFileSync(samplePath, 'utf8') : '';
  // A group for the test user agent alone, so sample rules such as a long Crawl-delay cannot
  // slow the tests down, and the /intern/ rule holds whatever the sample says.
  const testRules = [
    `User-agent: ${standInUserAgent.split('/')[0]}`,
    'Disallow: /intern/',
    '',
    `Sitemap: ${sampleOrigin}/stand-in-sitemap-index.xml`,
  ].join('\n');
  const text = options.robotsText ?? `${sample}\n\n${testRules}\n`;
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text.replaceAll(sampleOrigin, origin));
}

function serveFile(
  path: string,
  response: ServerResponse,
  origin: string,
  servedFiles: Set<string>,
): void {
  const filePath = resolveFile(path);
  if (filePath === undefined) return notFound(response);
  servedFiles.add(relative(sampleSiteRoot, filePath).split(sep).join('/'));
  const extension = extname(filePath).toLowerCase();
  let body: Buffer | string = readFileSync(filePath);
  if (path === '/sitemap.xml') body = body.toString('utf8').replaceAll(sampleOrigin, origin);
  response.writeHead(200, { 'content-type': mediaTypes[extension] ?? 'application/octet-stream' });
  response.end(body);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}

function resolveFile(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const requested = normalize(decoded).replace(/^([/\\])+/, '');
  if (requested.startsWith('..')) return undefined;
  const candidates = [requested, join(requested, 'index.html'), `${requested}.html`];
  for (const candidate of candidates) {
    const filePath = join(sampleSiteRoot, candidate);
    if (existsSync(filePath) && statSync(filePath).isFile()) return filePath;
  }
  return undefined;
}
