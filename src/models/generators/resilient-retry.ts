/**
 * Retries with exponential backoff and jitter that wait at least as long as the server's
 * Retry-After, and only for errors the adapter marked retryable.
 * @module
 */
import { DelegateBackoff, handleWhen, type RetryPolicy, retry } from 'cockatiel';
import { isMarkwerkError } from '../../core/errors.js';
import type { ResilienceEvent } from './resilient-endpoints.js';
import { isCircuitOpen, isRetryable, retryAfterMs } from './resilient-errors.js';
import type { ResilienceSettings } from './resilient-settings.js';

type RetrySettings = ResilienceSettings['retry'];

/**
 * Whether an error is retried at the same endpoint. An open circuit is not (the next model
 * is asked instead), nor is a Retry-After longer than `maxRetryAfterMs`.
 */
function shouldRetry(error: unknown, settings: RetrySettings): boolean {
  if (!isRetryable(error) || isCircuitOpen(error)) return false;
  return (retryAfterMs(error) ?? 0) <= settings.maxRetryAfterMs;
}

/**
 * The wait before retry number `attempt` (1 for the first retry): a random point in the
 * upper half of `baseDelayMs * 2^(attempt-1)` (capped at `maxDelayMs`), and never less
 * than the Retry-After the error carries.
 */
function retryDelayMs(
  attempt: number,
  error: unknown,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + (random() * ceiling) / 2;
  return Math.ceil(Math.max(jittered, retryAfterMs(error) ?? 0));
}

/** The retry policy of one resilient generator; `maxAttempts` counts the first try. */
export function createRetryPolicy(
  settings: RetrySettings,
  endpoint: string,
  onEvent: (event: ResilienceEvent) => void,
  random?: () => number,
): RetryPolicy {
  const policy = retry(
    handleWhen((error) => shouldRetry(error, settings)),
    {
      maxAttempts: settings.maxAttempts - 1,
      backoff: new DelegateBackoff((context: { attempt: number; result: unknown }) =>
        retryDelayMs(context.attempt, errorOf(context.result), settings, random),
      ),
    },
  );
  policy.onRetry((event) => {
    const error = 'error' in event ? event.error : undefined;
    onEvent({
      type: 'retry-scheduled',
      endpoint,
      attempt: event.attempt,
      delayMs: event.delay,
      ...(isMarkwerkError(error) ? { code: error.code } : {}),
    });
  });
  return policy;
}

function errorOf(result: unknown): unknown {
  return typeof result === 'object' && result !== null && 'error' in result
    ? (result as { error: unknown }).error
    : undefined;
}
