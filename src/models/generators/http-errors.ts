/**
 * How the remote generators turn HTTP failures into `MarkwerkError`s. Nothing here retries:
 * the resilience layer (cockatiel, wrapped around any Generator) decides, reading these
 * fields of `error.details`, which every error from these adapters carries consistently:
 *
 * - `retryable` (always set): `true` when sending the same request again may succeed — 429,
 *   408, 409, 424, 5xx, TGI's in-stream `overloaded` and `generation` errors, refused or reset
 *   connections, timeouts and broken streams; `false` when the server refused the request
 *   (400, 401, 403, 404, 413, 422) and when the caller aborted it.
 * - `retryAfterMs`: on `RATE_LIMITED` and `ENDPOINT_UNAVAILABLE` only, when the server sent
 *   `Retry-After` (seconds or an HTTP date), converted to milliseconds.
 * - `status`: the HTTP status, or the status an in-stream error event names.
 * - `url`: the endpoint, without credentials or query string. `provider`: `tgi` or `openai`.
 * - `requestId`: the `x-request-id` response header, when sent. `errorType`: TGI's
 *   `error_type` or the OpenAI error `type`, when the body had one.
 *
 * Codes: `RATE_LIMITED` (429 or `overloaded`), `ENDPOINT_UNAVAILABLE` (502, 503, 504,
 * unreachable server), `GENERATION_FAILED` (other statuses, with the server's error text),
 * `GENERATION_TIMEOUT` (the adapter's `timeoutMs` ran out), `STREAM_BROKEN` (the stream
 * failed or ended before its final event; text seen so far is partial) and `INTERRUPTED`
 * (the caller's AbortSignal fired).
 * @module
 */
import { describeError, MarkwerkError, type ErrorCode } from '../../core/errors.js';

export interface FailureContext {
  url: string;
  provider: string;
}

interface ErrorBody {
  message: string;
  errorType?: string;
}

/** Maps a non-2xx response to an error, reading the server's error text from the body. */
export async function httpStatusError(
  context: FailureContext,
  response: Response,
): Promise<MarkwerkError> {
  const body = parseErrorBody(await response.text().catch(() => ''), response.statusText);
  const status = response.status;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return statusError(context, status, body, { requestId, retryAfterMs });
}

/** Maps a status and an error text (from a body or an SSE error event) to an error. */
export function statusError(
  context: FailureContext,
  status: number | undefined,
  body: ErrorBody,
  extra: { requestId?: string | undefined; retryAfterMs?: number | undefined } = {},
): MarkwerkError {
  const code = codeOf(status, body.errorType);
  const retryable = isRetryableStatus(status, body.errorType);
  const details = compact({
    ...context,
    status,
    retryable,
    errorType: body.errorType,
    requestId: extra.requestId,
    retryAfterMs:
      code === 'RATE_LIMITED' || code === 'ENDPOINT_UNAVAILABLE' ? extra.retryAfterMs : undefined,
  });
  const answered = `answered ${status ?? 'with an error'}`;
  const said = `${context.provider} server ${context.url} ${answered}: ${body.message}`;
  return new MarkwerkError(code, `${said}. ${advice(code, status)}`, { details });
}

/** A failure before any response: refused connection, DNS, reset, timeout or abort. */
export function connectionError(
  context: FailureContext,
  error: unknown,
  state: RequestState,
): MarkwerkError {
  if (state.aborted) return requestAborted(context, error);
  if (state.timedOut) return timeoutError(context, state.timeoutMs, error);
  return new MarkwerkError(
    'ENDPOINT_UNAVAILABLE',
    `Could not reach ${context.provider} server ${context.url} (${describeCause(error)}); ` +
      'check that it runs and that the url is right.',
    { details: { ...context, retryable: true }, cause: error },
  );
}

/** A failure while reading a response body: the stream broke, timed out or was aborted. */
export function bodyError(
  context: FailureContext,
  error: unknown,
  state: RequestState,
): MarkwerkError {
  if (error instanceof MarkwerkError) return error;
  if (state.aborted) return requestAborted(context, error);
  if (state.timedOut) return timeoutError(context, state.timeoutMs, error);
  return streamBrokenError(context, `the connection failed (${describeCause(error)})`, error);
}

export function streamBrokenError(
  context: FailureContext,
  what: string,
  cause?: unknown,
  extra: Record<string, unknown> = {},
): MarkwerkError {
  return new MarkwerkError(
    'STREAM_BROKEN',
    `The stream from ${context.provider} server ${context.url} broke before its final event: ` +
      `${what}. Any text already received is partial and must not be stored; retry the request.`,
    { details: { ...context, retryable: true, ...extra }, cause },
  );
}

/** Where a request stands: whether the caller aborted it or its timeout ran out. */
export interface RequestState {
  readonly aborted: boolean;
  readonly timedOut: boolean;
  readonly timeoutMs: number;
}

/** The caller aborted a request to a model server (any adapter's). */
export function requestAborted(context: FailureContext, cause: unknown): MarkwerkError {
  return new MarkwerkError(
    'INTERRUPTED',
    `The request to ${context.provider} server ${context.url} was aborted by the caller.`,
    { details: { ...context, retryable: false }, cause },
  );
}

function timeoutError(context: FailureContext, timeoutMs: number, cause: unknown): MarkwerkError {
  return new MarkwerkError(
    'GENERATION_TIMEOUT',
    `${context.provider} server ${context.url} did not finish within ${timeoutMs} ms; raise ` +
      'timeoutMs, lower maxNewTokens or check the server load.',
    { details: { ...context, retryable: true, timeoutMs }, cause },
  );
}

function codeOf(status: number | undefined, errorType: string | undefined): ErrorCode {
  if (status === 429 || errorType === 'overloaded') return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'ENDPOINT_UNAVAILABLE';
  return 'GENERATION_FAILED';
}

function isRetryableStatus(status: number | undefined, errorType: string | undefined): boolean {
  if (errorType === 'overloaded' || errorType === 'generation') return true;
  if (errorType === 'incomplete_generation' || errorType === 'incomplete_generation_stream') {
    return true;
  }
  if (status === undefined) return false;
  return status === 408 || status === 409 || status === 424 || status === 429 || status >= 500;
}

function advice(code: ErrorCode, status: number | undefined): string {
  if (code === 'RATE_LIMITED') return 'The server is overloaded; retry after a pause.';
  if (code === 'ENDPOINT_UNAVAILABLE') return 'The server is unavailable; retry later.';
  if (status === 401 || status === 403) return 'Set apiKey to a key the server accepts.';
  if (status === 404) return 'Check the url and the model name.';
  if (status === 413) return 'The request is too large; send a shorter prompt.';
  if (status === 422 || status === 400) {
    return 'Check the prompt length and parameters against the server limits (info()).';
  }
  return 'Check the server logs.';
}

/** Reads TGI's `{"error","error_type"}`, OpenAI's `{"error":{message,type}}` and the like. */
function parseErrorBody(text: string, fallback: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: text.trim().slice(0, 300) || fallback || 'no error text' };
  }
  const body = (parsed ?? {}) as Record<string, unknown>;
  const nested = body.error as Record<string, unknown> | undefined;
  const message =
    (typeof body.error === 'string' && body.error) ||
    (typeof nested?.message === 'string' && nested.message) ||
    (typeof body.message === 'string' && body.message) ||
    (typeof body.detail === 'string' && body.detail) ||
    fallback ||
    'no error text';
  const type =
    (typeof body.error_type === 'string' && body.error_type) ||
    (typeof nested?.type === 'string' && nested.type) ||
    (typeof body.type === 'string' && body.type) ||
    undefined;
  return type ? { message, errorType: type } : { message };
}

/** Retry-After is whole seconds or an HTTP date; returns milliseconds. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The endpoint as errors and logs may show it: no credentials, no query string. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}

/** The socket-level reason of a failed fetch (`ECONNREFUSED` and the like), else its message. */
export function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? describeError(error);
}

/** One server-sent event's JSON; a malformed one breaks the stream with a clear error. */
export function parseEventJson<T>(data: string, context: FailureContext): T {
  try {
    return JSON.parse(data) as T;
  } catch (error) {
    throw streamBrokenError(context, 'an event was not valid JSON', error);
  }
}

function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * An error event inside a stream (TGI `{"error","error_type"}`, TGI chat
 * `{"error":{"message","http_status_code"}}`, OpenAI `{"error":{"message","type","code"}}`).
 * Before any text it is the error its status names; after some text it is `STREAM_BROKEN`.
 */
export function streamEventError(
  context: FailureContext,
  payload: Record<string, unknown>,
  partial: boolean,
): MarkwerkError {
  const body = parseErrorBody(JSON.stringify(payload), 'error event');
  const nested = payload.error as Record<string, unknown> | undefined;
  const named = nested?.http_status_code ?? nested?.code;
  const status = typeof named === 'number' ? named : statusOfType(body.errorType);
  if (!partial) return statusError(context, status, body);
  const retryable = isRetryableStatus(status, body.errorType);
  return streamBrokenError(context, `the server sent an error: ${body.message}`, undefined, {
    ...compact({ status, errorType: body.errorType }),
    retryable,
  });
}

/** TGI's error types on its native stream, where the HTTP status is always 200. */
function statusOfType(errorType: string | undefined): number | undefined {
  if (errorType === 'validation') return 422;
  if (errorType === 'generation') return 424;
  if (errorType === 'overloaded') return 429;
  if (errorType?.startsWith('incomplete_generation')) return 500;
  return undefined;
}
