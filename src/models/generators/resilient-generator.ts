/**
 * A decorator that makes one generator's calls to its endpoint resilient: a deadline per
 * attempt, retries with backoff that honour Retry-After, and the endpoint's shared circuit
 * breaker and concurrency limit.
 * @module
 */
import { timeout, TimeoutStrategy } from 'cockatiel';
import { MarkwerkError } from '../../core/errors.js';
import type {
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
} from './generator.js';
import { type Attempt, startAttempt } from './resilient-attempt.js';
import type { EndpointRegistry, ResilienceEvent } from './resilient-endpoints.js';
import { streamBroken, streamStalled } from './resilient-errors.js';
import { raceAbort } from './resilient-hold.js';
import { createRetryPolicy } from './resilient-retry.js';
import type { ResilienceSettings } from './resilient-settings.js';

export interface ResilientGeneratorOptions {
  /** Key of the endpoint the generator calls, usually its base URL; policies are per key. */
  endpoint: string;
  /** The process-wide registry, so generators on one endpoint share its breaker and limit. */
  registry: EndpointRegistry;
  settings: Pick<ResilienceSettings, 'timeoutMs' | 'idleTimeoutMs' | 'retry'>;
  onEvent?: (event: ResilienceEvent) => void;
  /** Jitter source; tests pass a fixed one. */
  random?: () => number;
}

interface OpenStream {
  attempt: Attempt;
  iterator: AsyncIterator<GenerationEvent>;
  first: GenerationEvent;
  /** Aborts the inner request when the stream stalls. */
  idle: AbortController;
}

/**
 * Wraps `inner` so each call runs through the endpoint's policies. A stream is retried only
 * until its first event arrives; a failure after that surfaces as `STREAM_BROKEN` and the
 * text already yielded is partial. An open circuit fails at once with `ENDPOINT_UNAVAILABLE`
 * naming the time of the next try.
 */
export function resilientGenerator(
  inner: Generator,
  options: ResilientGeneratorOptions,
): Generator {
  const { endpoint, settings } = options;
  const onEvent = options.onEvent ?? (() => undefined);
  const policies = options.registry.forEndpoint(endpoint);
  const retry = createRetryPolicy(settings.retry, endpoint, onEvent, options.random);
  const deadline = timeout(settings.timeoutMs, TimeoutStrategy.Cooperative);

  async function open(request: GenerationRequest): Promise<OpenStream> {
    const attempt = await startAttempt(policies, deadline, settings.timeoutMs, request.signal);
    const idle = new AbortController();
    const signal = AbortSignal.any([attempt.signal, idle.signal]);
    let iterator: AsyncIterator<GenerationEvent> | undefined;
    try {
      iterator = inner.stream({ ...request, signal })[Symbol.asyncIterator]();
      const first = await raceAbort(iterator.next(), attempt.signal);
      if (first.done) throw endedEarly(endpoint, false);
      return { attempt, iterator, first: first.value, idle };
    } catch (error) {
      const explained = attempt.explain(error);
      if (iterator) closeQuietly(iterator);
      attempt.fail(explained);
      throw explained;
    }
  }

  async function* stream(request: GenerationRequest): AsyncGenerator<GenerationEvent> {
    const opening = retry.execute(() => open(request), request.signal);
    const { attempt, iterator, first, idle } = await raceAbort(opening, request.signal).catch(
      (error: unknown) => {
        // Opened just as the caller aborted: give the slot back.
        void opening.then(({ attempt: late, iterator: lateIterator }) => {
          closeQuietly(lateIterator);
          late.fail(error);
        }, ignore);
        throw error;
      },
    );

    let event = first;
    let settled = false;
    try {
      for (;;) {
        yield event;
        if (event.type === 'finish') break;
        const next = await nextWithin(
          iterator,
          attempt.signal,
          idle,
          settings.idleTimeoutMs,
          endpoint,
        ).catch((error: unknown) => {
          const explained = attempt.explain(error);
          throw request.signal?.aborted ? explained : streamBroken(endpoint, explained);
        });
        if (next.done) throw endedEarly(endpoint, true);
        event = next.value;
      }
      settled = true;
      attempt.succeed();
    } catch (error) {
      settled = true;
      attempt.fail(error);
      throw error;
    } finally {
      closeQuietly(iterator);
      // The consumer stopped reading early; that says nothing against the endpoint.
      if (!settled) attempt.succeed();
    }
  }

  async function generate(request: GenerationRequest): Promise<GenerationResult> {
    const once = async () => {
      const attempt = await startAttempt(policies, deadline, settings.timeoutMs, request.signal);
      try {
        const result = await raceAbort(
          inner.generate({ ...request, signal: attempt.signal }),
          attempt.signal,
        );
        attempt.succeed();
        return result;
      } catch (error) {
        const explained = attempt.explain(error);
        attempt.fail(explained);
        throw explained;
      }
    };
    return raceAbort(retry.execute(once, request.signal), request.signal);
  }

  const close = inner.close?.bind(inner);
  // Callers ask info() before every request (limits, cache key), so it is retried as well.
  const info = () => retry.execute(() => inner.info());
  return { info, stream, generate, ...(close ? { close } : {}) };
}

function endedEarly(endpoint: string, afterFirstDelta: boolean): MarkwerkError {
  return new MarkwerkError(
    'STREAM_BROKEN',
    `The stream from ${endpoint} ended without its final event; nothing was stored. ` +
      'Send the request again.',
    { details: { endpoint, afterFirstDelta, retryable: true } },
  );
}

/** The next event, unless the attempt ends or `idleMs` pass first (then the request is cut). */
async function nextWithin(
  iterator: AsyncIterator<GenerationEvent>,
  signal: AbortSignal,
  idle: AbortController,
  idleMs: number,
  endpoint: string,
): Promise<IteratorResult<GenerationEvent>> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = streamStalled(endpoint, idleMs);
      idle.abort(error);
      reject(error);
    }, idleMs);
  });
  try {
    return await Promise.race([raceAbort(iterator.next(), signal), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

function closeQuietly(iterator: AsyncIterator<GenerationEvent>): void {
  void iterator.return?.().catch(ignore);
}

function ignore(): void {}
