/**
 * Generation through `@huggingface/inference`: an Inference Endpoint (a URL, typically TGI)
 * or Inference Providers (a Hub model id routed by router.huggingface.co). Streams the chat
 * completion API; nothing but the configured endpoint (or the Hugging Face router and Hub)
 * is ever contacted.
 * @module
 */
import { InferenceClient } from '@huggingface/inference';
import { isMarkwerkError, MarkwerkError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import {
  collectStream,
  type FinishReason,
  type GenerationEvent,
  type GenerationRequest,
  type GenerationResult,
  type Generator,
  type GeneratorInfo,
  type TokenUsage,
} from './generator.js';
import { toHfError, type HfResponseFacts } from './hf-errors.js';
import { requestAborted, safeUrl } from './http-errors.js';
import { guardFetch, HF_PROVIDER_ORIGINS } from './hf-fetch-guard.js';
import {
  hfGeneratorConfig,
  type HfGeneratorConfig,
  type HfGeneratorConfigInput,
} from './hf-generator-config.js';
import { readChunk, toChatInput } from './hf-request.js';
import { estimateUsage, finishReasonOf } from './http-results.js';
import { StopSequenceFilter } from './llama-stop-filter.js';

export interface HfInferenceGeneratorOptions extends HfGeneratorConfigInput {
  logger?: Logger;
  /** Where HF_TOKEN is read from; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /** The fetch the guarded requests go through; tests pass a recorder. */
  fetch?: typeof fetch;
}

/** The `hf` provider: Inference Endpoints and Inference Providers over the chat API. */
export class HfInferenceGenerator implements Generator {
  private readonly config: HfGeneratorConfig;
  private readonly client: InferenceClient;
  private readonly logger: Logger;
  private readonly fetchImpl: typeof fetch;
  /** A short name for messages: the endpoint URL or `<model> via <provider>`. */
  private readonly where: string;

  constructor(options: HfInferenceGeneratorOptions) {
    const { logger, env = process.env, fetch: fetchImpl = fetch, ...config } = options;
    const parsed = hfGeneratorConfig.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `hf generator option ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`,
        { details: { provider: 'hf', key: issue?.path.join('.') } },
      );
    }
    this.config = parsed.data;
    const token = this.config.accessToken ?? env.HF_TOKEN;
    if (!this.config.endpointUrl && !token) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        'Inference Providers need a Hugging Face token: set accessToken or the HF_TOKEN ' +
          'environment variable.',
        { details: { provider: 'hf', key: 'accessToken' } },
      );
    }
    this.client = new InferenceClient(token ?? '', {
      retry_on_error: false,
      ...(this.config.billTo ? { billTo: this.config.billTo } : {}),
    });
    this.logger = logger ?? silentLogger;
    this.fetchImpl = fetchImpl;
    this.where = this.config.endpointUrl
      ? `Inference Endpoint ${this.config.endpointUrl}`
      : `${this.config.model} via Inference Providers (${this.config.inferenceProvider ?? 'auto'})`;
  }

  async info(): Promise<GeneratorInfo> {
    return {
      provider: 'hf',
      model: this.config.model ?? this.config.endpointUrl ?? '',
      ...(this.config.revision ? { revision: this.config.revision } : {}),
    };
  }

  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    const started = performance.now();
    const body = toChatInput(request, this.config);
    const target = this.target(request);
    const facts: HfResponseFacts = {};
    const controller = new AbortController();
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const signal = AbortSignal.any([
      controller.signal,
      timeout,
      ...(request.signal ? [request.signal] : []),
    ]);
    const filter = new StopSequenceFilter(body.stop);
    this.logger.debug({ provider: 'hf', where: this.where }, 'generation request');

    let firstDeltaAt: number | undefined;
    let finishReason: string | undefined;
    let usage: TokenUsage | undefined;
    let model = this.config.model ?? 'tgi';
    try {
      const chunks = this.client.chatCompletionStream(
        { ...target, ...body, stream_options: { include_usage: true } },
        { signal, fetch: this.guardedFetch(facts) },
      );
      for await (const chunk of chunks) {
        const read = readChunk(chunk);
        if (chunk.model) model = chunk.model;
        if (read.usage) usage = { ...read.usage, source: 'server' };
        if (read.finishReason) finishReason = read.finishReason;
        const released = filter.push(read.text);
        if (released) {
          firstDeltaAt ??= performance.now();
          yield { type: 'text-delta', text: released };
        }
        if (filter.stoppedBy !== undefined) break;
        // Events already read from one network chunk keep coming after an abort; stop here.
        signal.throwIfAborted();
      }
      const rest = filter.flush();
      if (rest) {
        firstDeltaAt ??= performance.now();
        yield { type: 'text-delta', text: rest };
      }
    } catch (error) {
      throw this.failure(error, { request, timeout, partial: firstDeltaAt !== undefined, facts });
    } finally {
      controller.abort();
    }

    if (filter.stoppedBy === undefined && finishReason === undefined) {
      throw new MarkwerkError(
        'STREAM_BROKEN',
        `The stream from ${this.where} ended without a finish reason; the text so far is ` +
          'partial and must not be stored. Retry the request.',
        { details: { provider: 'hf', url: this.baseUrl(), retryable: true } },
      );
    }
    const totalMs = performance.now() - started;
    yield {
      type: 'finish',
      result: {
        text: filter.text,
        finishReason: this.finishReason(filter, finishReason),
        usage: usage ?? estimateUsage(request, filter.text),
        timings: { timeToFirstTokenMs: (firstDeltaAt ?? performance.now()) - started, totalMs },
        model,
        provider: 'hf',
        ...(request.adapter ? { adapter: request.adapter } : {}),
      },
    };
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    return collectStream(this.stream(request));
  }

  /** Endpoint: the URL and the `model` field (a LoRA adapter overrides it, as TGI reads it). */
  private target(request: GenerationRequest) {
    const { endpointUrl, model, inferenceProvider } = this.config;
    if (endpointUrl) return { endpointUrl, model: request.adapter ?? model ?? 'tgi' };
    if (request.adapter) {
      throw new MarkwerkError(
        'PARAMETERS_INVALID',
        'Inference Providers take no LoRA adapter; deploy the adapter on an Inference ' +
          'Endpoint (TGI) and set endpointUrl.',
        { details: { provider: 'hf', adapter: request.adapter, retryable: false } },
      );
    }
    return { model, provider: inferenceProvider ?? 'auto' };
  }

  private guardedFetch(facts: HfResponseFacts): typeof fetch {
    const { endpointUrl } = this.config;
    const allowed = endpointUrl ? { endpointUrl } : { origins: HF_PROVIDER_ORIGINS };
    return guardFetch(allowed, facts, this.fetchImpl);
  }

  /** Where requests go, for messages when none was made yet. */
  private baseUrl(): string {
    return safeUrl(this.config.endpointUrl ?? 'https://router.huggingface.co/');
  }

  private finishReason(filter: StopSequenceFilter, reason: string | undefined): FinishReason {
    if (filter.stoppedBy !== undefined) return 'stop_sequence';
    return finishReasonOf(reason);
  }

  private failure(
    error: unknown,
    context: {
      request: GenerationRequest;
      timeout: AbortSignal;
      partial: boolean;
      facts: HfResponseFacts;
    },
  ): unknown {
    const { request, timeout, partial, facts } = context;
    const url = facts.url ?? this.baseUrl();
    if (request.signal?.aborted) {
      return requestAborted({ url, provider: 'hf' }, request.signal.reason);
    }
    if (timeout.aborted && !isMarkwerkError(error)) {
      return new MarkwerkError(
        'GENERATION_TIMEOUT',
        `${this.where} did not finish within ${this.config.timeoutMs} ms; raise timeoutMs or ` +
          'lower maxNewTokens.',
        {
          details: {
            provider: 'hf',
            url,
            partial,
            retryable: true,
            timeoutMs: this.config.timeoutMs,
          },
        },
      );
    }
    return toHfError(error, { url, partial, facts });
  }
}
