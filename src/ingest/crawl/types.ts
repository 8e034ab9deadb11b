import type { Logger } from '../../core/logger.js';

/** One fetched page. The body is raw bytes; decoding is the caller's job. */
export interface CrawledPage {
  /** The URL that was requested, normalised. */
  url: string;
  /** The URL the content came from after following redirects. */
  finalUrl: string;
  status: number;
  /** Media type without parameters, lower case, e.g. `text/html`. */
  contentType: string;
  /** The charset the server declared in Content-Type, if any, as written there. */
  charset?: string;
  body: Uint8Array;
  /** Link distance from the nearest start URL; sitemap entries count as depth 1. */
  depth: number;
}

export type CrawlSkipReason =
  | 'robots'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'timeout'
  | 'too-large'
  | 'content-type'
  | 'http-error'
  | 'network-error';

/** A URL the crawler did not return, and why. */
export interface CrawlSkip {
  url: string;
  reason: CrawlSkipReason;
  detail: string;
}

export interface CrawlOptions {
  logger?: Logger;
  /** Aborting stops the crawl; the generator then throws an `INTERRUPTED` error. */
  signal?: AbortSignal;
  /** Called once for every URL that was skipped. */
  onSkip?: (skip: CrawlSkip) => void;
}
