import { MarkwerkError, describeError } from '../../core/errors.js';

/** How a TEI request is timed out and retried. */
export interface TeiRequestPolicy {
  timeoutMs: number;
  /** Retries after the first attempt, for 429, 502, 503, 504 and refused or reset connections. */
  maxRetries: number;
  /** First backoff delay; it doubles with each retry, with random jitter of up to half. */
  retryBaseDelayMs: number;
  /** Longest wait before a retry; a Retry-After asking for longer ends the request instead. */
  maxRetryDelayMs: number;
  apiKey?: string;
}

const retryableStatuses = new Set([429, 502, 503, 504]);

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), if it is readable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function errorBody(response: Response): Promise<{ error?: string; error_type?: string }> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as { error?: string; error_type?: string };
  } catch {
    return { error: text.slice(0, 200) || response.statusText };
  }
}

function failure(message: string, details: Record<string, unknown>, cause?: unknown) {
  return new MarkwerkError('FETCH_FAILED', message, { details, cause });
}

/**
 * Sends one JSON request to a TEI server and returns the parsed JSON answer. Failures become
 * MarkwerkError `FETCH_FAILED` with `url`, `status` and TEI's `error_type` in the details.
 */
export async function teiRequest(
  url: string,
  body: unknown,
  policy: TeiRequestPolicy,
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (policy.apiKey) headers.authorization = `Bearer ${policy.apiKey}`;
  const init = { method: body === undefined ? 'GET' : 'POST', headers };

  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      // A request that ran out of time would most likely do so again; only connection
      // failures are retried.
      if (!timedOut && attempt < policy.maxRetries) {
        await sleep(backoffMs(policy, attempt));
        continue;
      }
      const reason = timedOut ? `no answer within ${policy.timeoutMs} ms` : describeError(error);
      throw failure(
        `TEI request to ${url} failed: ${reason}. Check that the server is running and ` +
          'reachable, or raise timeoutMs.',
        {
          url,
          status: undefined,
          error_type: timedOut ? 'Timeout' : 'Network',
          attempts: attempt + 1,
        },
        error,
      );
    }

    if (response.ok) {
      try {
        return await response.json();
      } catch (error) {
        throw failure(
          `TEI at ${url} sent an unreadable answer (${describeError(error)}); check that the ` +
            'url points at a TEI server, or raise timeoutMs if the answer was cut off.',
          { url, status: response.status, error_type: 'Response', attempts: attempt + 1 },
          error,
        );
      }
    }

    const { error, error_type } = await errorBody(response);
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    const waitMs = retryAfter ?? backoffMs(policy, attempt);
    const retryable = retryableStatuses.has(response.status);
    if (retryable && attempt < policy.maxRetries && waitMs <= policy.maxRetryDelayMs) {
      await sleep(waitMs);
      continue;
    }
    const advice = retryable
      ? 'The server is busy; try again later or lower the concurrency.'
      : response.status === 401
        ? 'Set apiKey to the key the server was started with.'
        : 'See the error above; the request was not retried.';
    throw failure(
      `TEI request to ${url} failed with HTTP ${response.status}: ` +
        `${error ?? 'no message'}. ${advice}`,
      {
        url,
        status: response.status,
        error_type,
        retryable,
        attempts: attempt + 1,
        ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
      },
    );
  }
}

function backoffMs(policy: TeiRequestPolicy, attempt: number): number {
  const delay = Math.min(policy.maxRetryDelayMs, policy.retryBaseDelayMs * 2 ** attempt);
  return delay / 2 + (Math.random() * delay) / 2;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
