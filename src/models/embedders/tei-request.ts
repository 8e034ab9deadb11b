import { MarkwerkError } from '../../core/errors.js';

export interface TeiRequestOptions {
  url: string;
  apiKey?: string | undefined;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Waits between attempts; tests pass a recorder instead of a real timer. */
  sleep?: (milliseconds: number) => Promise<void>;
}

const RETRYABLE = new Set([429, 503]);

/**
 * One JSON request to a TEI server: GET without a body, POST with one. Retries 429 and 503
 * (honouring Retry-After, else exponential backoff with jitter) and unreachable servers, at
 * most `maxAttempts` tries; a timeout is not retried, since the server may still be busy
 * with the request. Failures are `FETCH_FAILED` with the endpoint, status and error_type.
 */
export async function teiRequest<T>(
  options: TeiRequestOptions,
  route: string,
  body?: unknown,
): Promise<T> {
  const endpoint = teiEndpoint(options.url, route);
  const sleep =
    options.sleep ?? ((milliseconds) => new Promise((r) => setTimeout(r, milliseconds)));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  for (let attempt = 1; ; attempt++) {
    const last = attempt >= options.maxAttempts;
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      if (!timedOut && !last) {
        await sleep(backoff(attempt, options));
        continue;
      }
      throw new MarkwerkError(
        'FETCH_FAILED',
        timedOut
          ? `TEI server ${endpoint} did not answer within ${options.timeoutMs} ms; raise ` +
              'timeoutMs or send smaller batches.'
          : `Could not reach TEI server ${endpoint} after ${attempt} attempts ` +
              `(${describeCause(error)}); check that it runs and that the url is right.`,
        { details: { url: endpoint, attempts: attempt, retryable: !timedOut }, cause: error },
      );
    }

    if (response.ok) return (await response.json()) as T;

    const failure = await readErrorBody(response);
    if (RETRYABLE.has(response.status) && !last) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      await sleep(Math.min(retryAfter ?? backoff(attempt, options), options.retryMaxDelayMs));
      continue;
    }
    throw new MarkwerkError('FETCH_FAILED', describeFailure(endpoint, response.status, failure), {
      details: {
        url: endpoint,
        status: response.status,
        errorType: failure.errorType,
        attempts: attempt,
        retryable: RETRYABLE.has(response.status),
      },
    });
  }
}

/** Joins a route to the base URL, keeping any path prefix a proxy puts the server under. */
export function teiEndpoint(base: string, route: string): string {
  const folder = base.endsWith('/') ? base : `${base}/`;
  return new URL(route.replace(/^\//, ''), folder).toString();
}

function backoff(attempt: number, options: TeiRequestOptions): number {
  const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

/** Retry-After is either whole seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

async function readErrorBody(response: Response): Promise<{ message: string; errorType?: string }> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: unknown; error_type?: unknown };
    if (typeof parsed.error === 'string') {
      const errorType = typeof parsed.error_type === 'string' ? parsed.error_type : undefined;
      return { message: parsed.error, ...(errorType ? { errorType } : {}) };
    }
  } catch {
    // Not JSON: proxies and the HTTP layer (413) answer in plain text.
  }
  return { message: text.trim().slice(0, 200) || response.statusText };
}

function describeFailure(endpoint: string, status: number, failure: { message: string }): string {
  const said = `TEI server ${endpoint} answered ${status}: ${failure.message}.`;
  if (status === 401) return `${said} Set apiKey to the key the server was started with.`;
  if (status === 413)
    return `${said} The request body is over its payload limit; send fewer texts.`;
  if (status === 422) return `${said} Check text lengths, prompt names and the server limits.`;
  if (status === 424) return `${said} Check that the server runs an embedding model.`;
  if (RETRYABLE.has(status)) return `${said} Still overloaded; lower concurrency or add capacity.`;
  return `${said} Check the server logs.`;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
