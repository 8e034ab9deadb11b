/**
 * One circuit breaker and one concurrency limit per endpoint, shared by every generator that
 * calls it: two models served by one TGI instance fail and queue together.
 * @module
 */
import {
  type BulkheadPolicy,
  bulkhead,
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
} from 'cockatiel';
import { isEndpointFailure } from './resilient-errors.js';
import type { ResilienceSettings } from './resilient-settings.js';

/** Something a resilience decorator did, for metrics and logs. */
export type ResilienceEvent =
  | { type: 'retry-scheduled'; endpoint: string; attempt: number; delayMs: number; code?: string }
  | { type: 'circuit-opened'; endpoint: string; retryAt: Date }
  | { type: 'circuit-half-opened'; endpoint: string }
  | { type: 'circuit-closed'; endpoint: string }
  | { type: 'bulkhead-rejected'; endpoint: string }
  | { type: 'fallback-used'; from: string; to: string; code?: string };

export interface EndpointPolicies {
  readonly endpoint: string;
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: BulkheadPolicy;
  /** When an open circuit lets the next test call through; undefined while closed. */
  retryAt(): Date | undefined;
}

export interface EndpointRegistry {
  /** The policies of one endpoint, made on first use and shared afterwards. */
  forEndpoint(endpoint: string): EndpointPolicies;
}

/**
 * Creates the registry a process shares between all its generators. Settings under
 * `endpoints[key]` override the breaker and bulkhead defaults for that endpoint.
 */
export function createEndpointRegistry(
  settings: Pick<ResilienceSettings, 'circuitBreaker' | 'bulkhead' | 'endpoints'>,
  onEvent: (event: ResilienceEvent) => void = () => undefined,
): EndpointRegistry {
  const policies = new Map<string, EndpointPolicies>();

  return {
    forEndpoint(endpoint) {
      const known = policies.get(endpoint);
      if (known) return known;
      const made = makePolicies(endpoint, settings, onEvent);
      policies.set(endpoint, made);
      return made;
    },
  };
}

function makePolicies(
  endpoint: string,
  settings: Pick<ResilienceSettings, 'circuitBreaker' | 'bulkhead' | 'endpoints'>,
  onEvent: (event: ResilienceEvent) => void,
): EndpointPolicies {
  const override = settings.endpoints[endpoint];
  const breakerSettings = { ...settings.circuitBreaker, ...override?.circuitBreaker };
  const bulkheadSettings = { ...settings.bulkhead, ...override?.bulkhead };

  const breaker = circuitBreaker(handleWhen(isEndpointFailure), {
    halfOpenAfter: breakerSettings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(breakerSettings.consecutiveFailures),
  });
  const limit = bulkhead(bulkheadSettings.maxConcurrent, bulkheadSettings.maxQueued);

  let openedAt: number | undefined;
  breaker.onBreak(() => {
    openedAt = Date.now();
    onEvent({ type: 'circuit-opened', endpoint, retryAt: retryAtFrom(openedAt) });
  });
  breaker.onHalfOpen(() => onEvent({ type: 'circuit-half-opened', endpoint }));
  breaker.onReset(() => {
    openedAt = undefined;
    onEvent({ type: 'circuit-closed', endpoint });
  });
  limit.onReject(() => onEvent({ type: 'bulkhead-rejected', endpoint }));

  function retryAtFrom(time: number): Date {
    return new Date(time + breakerSettings.halfOpenAfterMs);
  }

  return {
    endpoint,
    breaker,
    bulkhead: limit,
    retryAt: () =>
      breaker.state === CircuitState.Closed || openedAt === undefined
        ? undefined
        : retryAtFrom(openedAt),
  };
}
