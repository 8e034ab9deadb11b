/**
 * A decorator that checks a workspace's budget before each generator call and records the
 * call's tokens, latency and time to first token afterwards.
 * @module
 */
import { describeError } from '../../core/errors.js';
import { type Logger, silentLogger } from '../../core/logger.js';
import { countTokens } from '../../ingest/process/tokens.js';
import {
  type GenerationEvent,
  type GenerationRequest,
  type GenerationResult,
  type Generator,
  type TokenUsage,
  requestText,
} from './generator.js';
import { rememberInfo } from './cached-generator-info.js';

/** What a call may cost, asked before it is made. */
export interface UsageAdmission {
  workspace: string;
  useCase: string;
  provider: string;
  model: string;
  /** Input tokens, estimated from the prompt. */
  projectedInputTokens: number;
  /** The most output tokens the call may produce (`maxNewTokens`), 0 when unbounded. */
  projectedOutputTokens: number;
}

/** What a call did cost. */
export interface UsageRecord {
  workspace: string;
  useCase: string;
  /** The provider and model that answered (after any fallback). */
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  tokenSource: TokenUsage['source'];
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  outcome: 'completed' | 'broken';
}

/** Budget checks and the usage ledger; `createUsageMeter` in `ops/metering` is the store one. */
export interface UsageMeter {
  /** Throws `BUDGET_EXCEEDED` when the call could take the workspace over a cap. */
  admit(admission: UsageAdmission): Promise<void>;
  record(usage: UsageRecord): Promise<void>;
}

/** A tokenizer for the model, when one is at hand; counts may be async. */
export type TokenCounter = (text: string, model: string) => number | Promise<number>;

export interface MeteredGeneratorOptions {
  meter: UsageMeter;
  /** Used when a request's tags name no workspace or use case. */
  defaults?: { workspace?: string; useCase?: string };
  countTokens?: TokenCounter;
  logger?: Logger;
  /** Milliseconds clock; tests pass a fake one. */
  now?: () => number;
}

/**
 * Wraps `inner` with metering. Token counts come from the server's usage when it reports
 * them, else from `countTokens`, else from the local estimate. A stream that breaks after
 * sending text, or that the caller stops reading, is recorded as `broken`, since its tokens
 * were spent; a failure of the ledger
 * itself is logged and does not fail the call, whose result is already paid for.
 */
export function meteredGenerator(inner: Generator, options: MeteredGeneratorOptions): Generator {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => performance.now());
  const describe = rememberInfo(inner);

  async function admit(request: GenerationRequest) {
    const { provider, model } = await describe();
    const attribution = {
      workspace: request.tags?.workspace ?? options.defaults?.workspace ?? 'default',
      useCase: request.tags?.useCase ?? options.defaults?.useCase ?? 'unspecified',
    };
    await options.meter.admit({
      ...attribution,
      provider,
      model,
      projectedInputTokens: countTokens(requestText(request)),
      projectedOutputTokens: request.parameters?.maxNewTokens ?? 0,
    });
    return { ...attribution, provider, model };
  }

  async function record(usage: UsageRecord) {
    await options.meter.record(usage).catch((error: unknown) => {
      logger.error(
        { workspace: usage.workspace, model: usage.model, error: describeError(error) },
        'usage-record-failed',
      );
    });
  }

  async function* stream(request: GenerationRequest): AsyncGenerator<GenerationEvent> {
    const attribution = await admit(request);
    const started = now();
    let firstDeltaAt: number | undefined;
    let text = '';
    let finished = false;
    try {
      for await (const event of inner.stream(request)) {
        if (event.type === 'text-delta') {
          firstDeltaAt ??= now();
          text += event.text;
        } else {
          finished = true;
          const tokens = await tokensOf(event.result, request, options.countTokens, logger);
          await record({
            ...attribution,
            provider: event.result.provider,
            model: event.result.model,
            ...tokens,
            latencyMs: now() - started,
            timeToFirstTokenMs: firstDeltaAt === undefined ? null : firstDeltaAt - started,
            outcome: 'completed',
          });
        }
        yield event;
      }
    } finally {
      // Broken mid-way, or the caller stopped reading: the tokens sent so far were spent.
      if (!finished && text !== '') {
        const partial = { text, model: attribution.model };
        await record({
          ...attribution,
          ...(await tokensOf(partial, request, options.countTokens, logger)),
          latencyMs: now() - started,
          timeToFirstTokenMs: firstDeltaAt === undefined ? null : firstDeltaAt - started,
          outcome: 'broken',
        });
      }
    }
  }

  async function generate(request: GenerationRequest): Promise<GenerationResult> {
    const attribution = await admit(request);
    const started = now();
    const result = await inner.generate(request);
    await record({
      ...attribution,
      provider: result.provider,
      model: result.model,
      ...(await tokensOf(result, request, options.countTokens, logger)),
      latencyMs: now() - started,
      timeToFirstTokenMs: result.text === '' ? null : result.timings.timeToFirstTokenMs,
      outcome: 'completed',
    });
    return result;
  }

  const close = inner.close?.bind(inner);
  return { info: describe, stream, generate, ...(close ? { close } : {}) };
}

/** The prompt as one text: the message contents, or the raw prompt. */
async function tokensOf(
  result: { text: string; model: string; usage?: TokenUsage },
  request: GenerationRequest,
  counter: TokenCounter | undefined,
  logger: Logger,
): Promise<Pick<UsageRecord, 'inputTokens' | 'outputTokens' | 'tokenSource'>> {
  const usage = result.usage;
  if (usage?.source === 'server') {
    return {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      tokenSource: 'server',
    };
  }
  if (counter) {
    try {
      const [inputTokens, outputTokens] = await Promise.all([
        counter(requestText(request), result.model),
        counter(result.text, result.model),
      ]);
      return { inputTokens, outputTokens, tokenSource: 'tokenizer' };
    } catch (error) {
      logger.warn({ model: result.model, error: describeError(error) }, 'tokenizer-failed');
    }
  }
  if (usage?.source === 'tokenizer') {
    return {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      tokenSource: 'tokenizer',
    };
  }
  return {
    inputTokens: countTokens(requestText(request)),
    outputTokens: countTokens(result.text),
    tokenSource: 'estimate',
  };
}
