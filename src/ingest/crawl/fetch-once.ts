import { describeError } from '../../core/errors.js';
import { isAcceptedMediaType, parseContentType } from './content-type.js';
import { readCappedBody } from './read-capped-body.js';
import type { CrawlSkipReason } from './types.js';

/** How a single HTTP request is made and which responses are acceptable. */
export interface RequestSettings {
  userAgent: string;
  /** Value of the Accept header. */
  accept: string;
  /** Limit for the whole exchange: connecting, headers and the complete body. */
  timeoutMs: number;
  maxBytes: number;
  /** Media types (as in `CrawlConfig.contentTypes`) whose bodies are downloaded. */
  acceptedMediaTypes: readonly string[];
  /** Aborting it makes the request throw the signal's reason instead of reporting a failure. */
  signal: AbortSignal;
}

export type SingleResponse =
  | { kind: 'redirect'; status: number; location: string | null }
  | { kind: 'page'; status: number; mediaType: string; charset?: string; body: Uint8Array }
  | { kind: 'failed'; reason: CrawlSkipReason; detail: string; status?: number };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * Makes one GET request without following redirects. Failures a crawl expects (timeouts,
 * refused connections, error statuses, wrong media types, oversized bodies) come back as
 * `failed` values; only an abort through `settings.signal` throws.
 */
export async function fetchOnce(url: string, settings: RequestSettings): Promise<SingleResponse> {
  settings.signal.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`request timed out after ${settings.timeoutMs} ms`));
  }, settings.timeoutMs);
  const forwardAbort = (): void => controller.abort(settings.signal.reason);
  settings.signal.addEventListener('abort', forwardAbort, { once: true });

  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { 'user-agent': settings.userAgent, accept: settings.accept },
    });
    return await interpretResponse(response, settings);
  } catch (error) {
    if (settings.signal.aborted) throw settings.signal.reason;
    if (timedOut) {
      const detail = `no complete response within ${settings.timeoutMs} ms`;
      return { kind: 'failed', reason: 'timeout', detail };
    }
    return { kind: 'failed', reason: 'network-error', detail: describeNetworkError(error) };
  } finally {
    clearTimeout(timer);
    settings.signal.removeEventListener('abort', forwardAbort);
  }
}

async function interpretResponse(
  response: Response,
  settings: RequestSettings,
): Promise<SingleResponse> {
  const status = response.status;
  if (redirectStatuses.has(status)) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'redirect', status, location: response.headers.get('location') };
  }
  if (status < 200 || status >= 300) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', reason: 'http-error', detail: `HTTP ${status}`, status };
  }

  const contentType = parseContentType(response.headers.get('content-type'));
  const mediaType = contentType?.mediaType ?? '';
  if (!isAcceptedMediaType(mediaType, settings.acceptedMediaTypes)) {
    await response.body?.cancel().catch(() => undefined);
    const declared = mediaType === '' ? 'no content type' : `content type ${mediaType}`;
    const detail = `${declared} is not one of ${settings.acceptedMediaTypes.join(', ')}`;
    return { kind: 'failed', reason: 'content-type', detail, status };
  }

  const body = await readCappedBody(response, settings.maxBytes);
  if (body.kind === 'too-large') {
    return { kind: 'failed', reason: 'too-large', detail: body.detail, status };
  }
  return { kind: 'page', status, mediaType, charset: contentType?.charset, body: body.body };
}

/** Undici hides the useful part (ECONNREFUSED, "other side closed") in `cause`. */
function describeNetworkError(error: unknown): string {
  const message = describeError(error);
  if (error instanceof Error && error.cause !== undefined) {
    return `${message}: ${describeError(error.cause)}`;
  }
  return message;
}
