/**
 * Settings for resilient generator calls: per-attempt timeout, retries, and the circuit
 * breaker and concurrency limit that every generator pointing at one endpoint shares.
 * @module
 */
import { z } from 'zod';

const circuitBreakerSchema = z.object({
  /** Consecutive endpoint failures that open the circuit. */
  consecutiveFailures: z.number().int().min(1).default(5),
  /** How long an open circuit rejects calls before one test call is let through. */
  halfOpenAfterMs: z.number().int().min(1).default(30_000),
});

const bulkheadSchema = z.object({
  /** Calls in flight to the endpoint at once; more wait in the queue. */
  maxConcurrent: z.number().int().min(1).default(16),
  /** Calls waiting for a slot; beyond that a call fails at once with RATE_LIMITED. */
  maxQueued: z.number().int().min(0).default(64),
});

/** Per-endpoint overrides of the breaker and bulkhead, keyed by endpoint key (its URL). */
const endpointOverrideSchema = z.object({
  circuitBreaker: circuitBreakerSchema.partial().optional(),
  bulkhead: bulkheadSchema.partial().optional(),
});

export const resilienceSettingsSchema = z.object({
  /** Deadline of one attempt, from taking a slot to the final event, in milliseconds. */
  timeoutMs: z.number().int().min(1).default(120_000),
  /**
   * Longest silence between two stream events after the first, in milliseconds. A server that
   * stalls mid-stream is cut off after this instead of holding the call until `timeoutMs`.
   */
  idleTimeoutMs: z.number().int().min(1).default(30_000),
  retry: z
    .object({
      /** Tries in all, the first included; 1 turns retries off. */
      maxAttempts: z.number().int().min(1).default(3),
      /** First backoff ceiling; doubles each retry, with jitter. */
      baseDelayMs: z.number().int().min(0).default(250),
      /** Largest backoff delay (a server's Retry-After may ask for more, up to the next key). */
      maxDelayMs: z.number().int().min(0).default(8_000),
      /** A Retry-After longer than this is not waited for: the error surfaces (or falls back). */
      maxRetryAfterMs: z.number().int().min(0).default(30_000),
    })
    .prefault({}),
  circuitBreaker: circuitBreakerSchema.prefault({}),
  bulkhead: bulkheadSchema.prefault({}),
  endpoints: z.record(z.string(), endpointOverrideSchema).default({}),
});

export type ResilienceSettings = z.infer<typeof resilienceSettingsSchema>;

/** Settings with every default filled in; `resilienceSettings({})` gives the defaults. */
export function resilienceSettings(input: z.input<typeof resilienceSettingsSchema> = {}) {
  return resilienceSettingsSchema.parse(input);
}
