/**
 * One attempt at an endpoint: pass its circuit breaker, take a slot in its bulkhead, start
 * the deadline. The attempt is held until the stream is settled, so the breaker judges the
 * whole stream and the slot is busy for as long as the server is.
 * @module
 */
import { isBrokenCircuitError, isBulkheadRejectedError, type TimeoutPolicy } from 'cockatiel';
import { MarkwerkError } from '../../core/errors.js';
import type { EndpointPolicies } from './resilient-endpoints.js';
import { interruptedError } from './resilient-errors.js';
import { holdPolicy, type PolicyHold } from './resilient-hold.js';

export interface Attempt {
  /** Aborts on the deadline or when the caller aborts; pass it to the inner generator. */
  signal: AbortSignal;
  succeed(): void;
  fail(error: unknown): void;
  /** What an error thrown inside the attempt means: the caller's abort, a timeout, or itself. */
  explain(error: unknown): unknown;
}

/** Enters the endpoint's policies in order: breaker, bulkhead, deadline. */
export async function startAttempt(
  policies: EndpointPolicies,
  deadline: TimeoutPolicy,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<Attempt> {
  if (callerSignal?.aborted) throw interruptedError(callerSignal);
  const { endpoint } = policies;

  const breaker = await holdPolicy(policies.breaker, callerSignal).catch((error: unknown) => {
    throw isBrokenCircuitError(error) ? circuitOpen(endpoint, policies.retryAt()) : error;
  });
  let slot: PolicyHold;
  try {
    slot = await holdPolicy(policies.bulkhead, callerSignal);
  } catch (error) {
    const refusal = isBulkheadRejectedError(error) ? bulkheadFull(policies) : error;
    breaker.fail(refusal);
    throw refusal;
  }
  const clock = await holdPolicy(deadline, callerSignal).catch((error: unknown) => {
    slot.fail(error);
    breaker.fail(error);
    throw error;
  });
  const holds = [clock, slot, breaker];

  return {
    signal: clock.signal,
    succeed: () => holds.forEach((hold) => hold.release()),
    fail: (error) => holds.forEach((hold) => hold.fail(error)),
    explain(error) {
      if (callerSignal?.aborted) return interruptedError(callerSignal, error);
      if (!clock.signal.aborted) return error;
      return new MarkwerkError(
        'GENERATION_TIMEOUT',
        `${endpoint} did not finish within ${timeoutMs} ms; raise resilience.timeoutMs or ` +
          'ask for fewer new tokens.',
        { details: { endpoint, timeoutMs, retryable: true }, cause: error },
      );
    },
  };
}

function circuitOpen(endpoint: string, retryAt: Date | undefined): MarkwerkError {
  const when = retryAt ? `at ${retryAt.toISOString()}` : 'shortly';
  const retryAfter = retryAt ? Math.max(0, retryAt.getTime() - Date.now()) : undefined;
  return new MarkwerkError(
    'ENDPOINT_UNAVAILABLE',
    `${endpoint} failed repeatedly, so calls to it are paused; it will be tried again ${when}. ` +
      'Check the server, or configure a fallback model.',
    {
      details: {
        endpoint,
        circuit: 'open',
        retryable: true,
        ...(retryAt ? { retryAt: retryAt.toISOString(), retryAfterMs: retryAfter } : {}),
      },
    },
  );
}

function bulkheadFull(policies: EndpointPolicies): MarkwerkError {
  return new MarkwerkError(
    'RATE_LIMITED',
    `${policies.endpoint} already has as many calls running and queued as allowed; try again ` +
      'later, or raise resilience.bulkhead.maxConcurrent / maxQueued for this endpoint.',
    { details: { endpoint: policies.endpoint, reason: 'bulkhead-full', retryable: true } },
  );
}
