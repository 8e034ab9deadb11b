/**
 * Cockatiel policies wrap one promise-returning function. A stream lives longer than the
 * call that opens it, so a policy is entered and then held: the slot (bulkhead), the
 * breaker's verdict and the deadline (timeout) last until the stream is settled.
 * @module
 */
import type { IDefaultPolicyContext, IPolicy } from 'cockatiel';
import { interruptedError } from './resilient-errors.js';

/** A policy entered and held until `release` (success) or `fail` (failure). */
export interface PolicyHold {
  /** Aborts when the policy cancels the work (a timeout) or the caller aborts. */
  signal: AbortSignal;
  release(): void;
  /** The error decides what the policy records, e.g. whether a breaker counts it. */
  fail(error: unknown): void;
}

/**
 * Enters `policy` and resolves once the work may start. Rejects with the policy's refusal
 * (open circuit, full bulkhead) or, while waiting, with the caller's abort reason.
 */
export function holdPolicy(
  policy: IPolicy<IDefaultPolicyContext>,
  signal?: AbortSignal,
): Promise<PolicyHold> {
  if (signal?.aborted) return Promise.reject(interruptedError(signal));
  return new Promise<PolicyHold>((entered, refused) => {
    let settled = false;
    let abandoned = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      abandoned = true;
      refused(interruptedError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const outcome = policy.execute(
      (context) =>
        new Promise<void>((release, fail) => {
          signal?.removeEventListener('abort', onAbort);
          // The caller gave up while queued; hand the slot straight back.
          if (abandoned) return release();
          settled = true;
          entered({ signal: context.signal, release: () => release(), fail });
        }),
      signal,
    );
    outcome.catch((error: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      if (settled) return;
      settled = true;
      refused(error);
    });
  });
}

/** Waits for `promise`, but rejects with `INTERRUPTED` as soon as `signal` aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(interruptedError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(interruptedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
