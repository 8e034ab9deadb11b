/**
 * How the resilience decorators read generator errors: which may be retried, which count
 * against an endpoint's health, which justify trying the next model.
 * @module
 */
import { isMarkwerkError, MarkwerkError } from '../../core/errors.js';

/** The server asked to be left alone this long (429 and 503 with Retry-After). */
export function retryAfterMs(error: unknown): number | undefined {
  if (!isMarkwerkError(error)) return undefined;
  const value = error.details.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** An adapter marked the error retryable: the same request may succeed if sent again. */
export function isRetryable(error: unknown): boolean {
  return isMarkwerkError(error) && error.details.retryable === true;
}

/** An open circuit: the endpoint is not called until its retry time. */
export function isCircuitOpen(error: unknown): boolean {
  return isMarkwerkError(error) && error.details.circuit === 'open';
}

/**
 * Errors that say the endpoint is unhealthy, and so count towards opening its circuit.
 * A rate limit says the endpoint is busy, not broken, and bad parameters say nothing about
 * the endpoint, so neither counts.
 */
export function isEndpointFailure(error: unknown): boolean {
  if (!isMarkwerkError(error) || isCircuitOpen(error)) return false;
  switch (error.code) {
    case 'ENDPOINT_UNAVAILABLE':
    case 'GENERATION_TIMEOUT':
    case 'STREAM_BROKEN':
      return true;
    case 'GENERATION_FAILED':
      return error.details.retryable === true;
    default:
      return false;
  }
}

/** Errors after which the next generator in a fallback chain is worth asking. */
export function warrantsFallback(error: unknown): boolean {
  if (!isMarkwerkError(error)) return false;
  if (error.code === 'ENDPOINT_UNAVAILABLE' || error.code === 'RATE_LIMITED') return true;
  if (error.code === 'GENERATION_TIMEOUT') return true;
  return error.details.retryable === true;
}

/**
 * The error for a caller's abort: `INTERRUPTED`, as the adapters raise it, with the signal's
 * reason as its cause. An `INTERRUPTED` error the adapter already raised is kept.
 */
export function interruptedError(signal: AbortSignal | undefined, raised?: unknown): MarkwerkError {
  if (isMarkwerkError(raised) && raised.code === 'INTERRUPTED') return raised;
  return new MarkwerkError(
    'INTERRUPTED',
    'The generation was aborted by the caller; nothing was stored.',
    { details: { retryable: false }, cause: signal?.reason },
  );
}

/** The server sent nothing for `idleMs` in the middle of a stream. */
export function streamStalled(endpoint: string, idleMs: number): MarkwerkError {
  return new MarkwerkError(
    'STREAM_BROKEN',
    `The stream from ${endpoint} stalled: no token for ${idleMs} ms. The text so far is partial ` +
      'and was not stored. Send the request again, check the server, or raise ' +
      'resilience.idleTimeoutMs.',
    {
      details: { endpoint, afterFirstDelta: true, reason: 'idle-timeout', idleMs, retryable: true },
    },
  );
}

/**
 * A failure after text had already been yielded: the caller holds a partial text that must
 * not be used as a final output, and this layer must not retry or fall back.
 */
export function streamBroken(endpoint: string, cause: unknown): MarkwerkError {
  if (isMarkwerkError(cause) && cause.code === 'STREAM_BROKEN') return cause;
  const said = cause instanceof Error ? cause.message : String(cause);
  return new MarkwerkError(
    'STREAM_BROKEN',
    `The stream from ${endpoint} broke after text had been sent (${said}); the text so far is ` +
      'partial and was not stored. Send the request again.',
    {
      details: {
        endpoint,
        afterFirstDelta: true,
        retryable: true,
        ...(isMarkwerkError(cause) ? { causeCode: cause.code } : {}),
      },
      cause,
    },
  );
}
