/**
 * A decorator that replays a stored complete result for a request it has seen before, for
 * the same dataset version, and stores each new complete result.
 * @module
 */
import { describeError } from '../../core/errors.js';
import { type Logger, silentLogger } from '../../core/logger.js';
import { generationCacheKey } from './cached-generation-key.js';
import type {
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
  TemplateReference,
} from './generator.js';
import { rememberInfo } from './cached-generator-info.js';
import { interruptedError } from './resilient-errors.js';

/** Where results are kept; `createGenerationCache` in `generation/` is the store one. */
export interface GenerationResultCache {
  lookup(key: string, datasetVersion: string): Promise<GenerationResult | undefined>;
  store(entry: {
    key: string;
    datasetVersion: string;
    result: GenerationResult;
    template?: TemplateReference;
  }): Promise<void>;
}

export type CacheEvent = { type: 'cache-hit' | 'cache-miss' | 'cache-stored'; key: string };

export interface CachedGeneratorOptions {
  cache: GenerationResultCache;
  logger?: Logger;
  onEvent?: (event: CacheEvent) => void;
  now?: () => number;
}

/**
 * Wraps `inner` with the cache. A hit is replayed as one text delta and the finish event. Only
 * results that reached their finish event (and did not finish with `error`) are stored, and
 * only when the first model of a fallback chain answered; a stream that breaks stores
 * nothing. The cache is an optimisation: when the store fails, the failure is logged and the
 * call goes on uncached.
 */
export function cachedGenerator(inner: Generator, options: CachedGeneratorOptions): Generator {
  const logger = options.logger ?? silentLogger;
  const onEvent = options.onEvent ?? (() => undefined);
  const now = options.now ?? (() => performance.now());
  const describe = rememberInfo(inner);

  async function lookup(request: GenerationRequest) {
    const info = await describe().catch((error: unknown) => {
      logger.warn({ error: describeError(error) }, 'generation-cache-bypassed');
      return undefined;
    });
    if (!info) return { key: undefined, hit: undefined };
    const key = generationCacheKey(info, request);
    const datasetVersion = request.tags?.datasetVersion ?? '';
    const started = now();
    const hit = await options.cache.lookup(key, datasetVersion).catch((error: unknown) => {
      logger.warn({ key, error: describeError(error) }, 'generation-cache-lookup-failed');
      return undefined;
    });
    onEvent({ type: hit ? 'cache-hit' : 'cache-miss', key });
    const replayed: GenerationResult | undefined = hit && {
      ...hit,
      replayedFromCache: true,
      timings: { timeToFirstTokenMs: now() - started, totalMs: now() - started },
    };
    return { key, hit: replayed };
  }

  async function keep(
    key: string | undefined,
    request: GenerationRequest,
    result: GenerationResult,
  ) {
    if (key === undefined || result.finishReason === 'error' || result.replayedFromCache) return;
    // The key names the first model of a chain; another model's answer is not kept under it.
    if (result.fallbackFrom) return;
    const datasetVersion = request.tags?.datasetVersion ?? '';
    const template = request.tags?.template ?? result.template;
    try {
      await options.cache.store({ key, datasetVersion, result, ...(template ? { template } : {}) });
      onEvent({ type: 'cache-stored', key });
    } catch (error) {
      logger.warn({ key, error: describeError(error) }, 'generation-cache-store-failed');
    }
  }

  async function* stream(request: GenerationRequest): AsyncGenerator<GenerationEvent> {
    const { key, hit } = await lookup(request);
    if (request.signal?.aborted) throw interruptedError(request.signal);
    if (hit) {
      if (hit.text !== '') yield { type: 'text-delta', text: hit.text };
      yield { type: 'finish', result: hit };
      return;
    }
    for await (const event of inner.stream(request)) {
      if (event.type === 'finish') await keep(key, request, event.result);
      yield event;
    }
  }

  async function generate(request: GenerationRequest): Promise<GenerationResult> {
    const { key, hit } = await lookup(request);
    if (request.signal?.aborted) throw interruptedError(request.signal);
    if (hit) return hit;
    const result = await inner.generate(request);
    await keep(key, request, result);
    return result;
  }

  const close = inner.close?.bind(inner);
  return { info: describe, stream, generate, ...(close ? { close } : {}) };
}
