/**
 * One HTTP exchange with a generation server: joins the route to the base URL, adds the
 * bearer token, ties the caller's AbortSignal and the per-request timeout together and maps
 * failures to errors (see http-errors.ts). The token is only ever put in the header.
 * @module
 */
import type { Logger } from '../../core/logger.js';
import {
  bodyError,
  connectionError,
  httpStatusError,
  safeUrl,
  type FailureContext,
  type RequestState,
} from './http-errors.js';

/** Connection options shared by the remote generators. */
export interface HttpEndpointOptions {
  /** Base URL of the server, e.g. `http://localhost:8080`; a path prefix is kept. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; never logged or put in errors. */
  apiKey?: string | undefined;
  /** Milliseconds one request may take, stream included. Default 120000. */
  timeoutMs?: number | undefined;
  /** Extra headers for every request (for gateways); do not put secrets in names. */
  headers?: Record<string, string> | undefined;
  logger?: Logger | undefined;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** An open exchange: the response and the means to map failures while reading its body. */
export interface OpenExchange {
  response: Response;
  context: FailureContext;
  state: RequestState;
  /** The signal that aborts the exchange (caller or timeout); pass it to body readers. */
  signal: AbortSignal;
  /** Maps a failure while reading the body to STREAM_BROKEN, timeout or interruption. */
  fail(error: unknown): Error;
  /** Stops the timeout timer; call when the body has been read or abandoned. */
  release(): void;
  /** Milliseconds since the request was sent. */
  elapsedMs(): number;
}

/** Sends one request and returns the open exchange, or throws the mapped error. */
export async function openExchange(
  options: HttpEndpointOptions & { provider: string },
  route: string,
  init: {
    method: 'GET' | 'POST';
    body?: unknown;
    signal?: AbortSignal | undefined;
    /** `text/event-stream` for streamed answers; JSON otherwise. */
    accept?: string;
  },
): Promise<OpenExchange> {
  const endpoint = joinUrl(options.url, route);
  const context: FailureContext = { url: safeUrl(endpoint), provider: options.provider };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A cleared timer rather than AbortSignal.timeout, so finished requests hold no timer.
  const timeoutController = new AbortController();
  const timer = setTimeout(() => timeoutController.abort(), timeoutMs);
  const timeout = timeoutController.signal;
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  const release = () => clearTimeout(timer);
  const state: RequestState = {
    get aborted() {
      return init.signal?.aborted === true;
    },
    get timedOut() {
      return timeout.aborted && init.signal?.aborted !== true;
    },
    timeoutMs,
  };
  const accept = init.accept ?? 'application/json';
  const headers: Record<string, string> = { ...options.headers, accept };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const started = performance.now();

  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: init.method,
      headers,
      signal,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    release();
    throw connectionError(context, error, state);
  }
  options.logger?.debug({ url: context.url, status: response.status }, 'generation response');
  if (!response.ok) {
    const error = await httpStatusError(context, response);
    release();
    throw error;
  }

  return {
    response,
    context,
    state,
    signal,
    fail: (error) => bodyError(context, error, state),
    release,
    elapsedMs: () => performance.now() - started,
  };
}

/** Reads a JSON body, mapping a broken connection or a timeout to the right error. */
export async function readJson<T>(exchange: OpenExchange): Promise<T> {
  try {
    return (await exchange.response.json()) as T;
  } catch (error) {
    throw exchange.fail(error);
  } finally {
    exchange.release();
  }
}

/** Joins a route to the base URL, keeping any path prefix a proxy puts the server under. */
function joinUrl(base: string, route: string): string {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(route.replace(/^\//, ''), folder).toString();
}
