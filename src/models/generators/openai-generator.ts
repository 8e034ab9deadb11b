/**
 * A Generator for OpenAI-compatible chat servers: TGI's messages API, vLLM, llama.cpp
 * server, Ollama and hosted OpenAI-style APIs. Streams `POST /v1/chat/completions` with
 * `stream_options.include_usage`, so the final result carries the server's token counts.
 * Errors follow http-errors.ts; nothing is retried here.
 * @module
 */
import type {
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
  GeneratorInfo,
} from './generator.js';
import { parseEventJson, streamBrokenError, streamEventError } from './http-errors.js';
import { openExchange, readJson, type HttpEndpointOptions } from './http-request.js';
import { estimateUsage, finishReasonOf } from './http-results.js';
import {
  chatBody,
  type ChatBodyOptions,
  type ChatChunk,
  type ChatCompletion,
  type ChatUsage,
} from './openai-chat-body.js';
import { readSseData } from './sse-events.js';

export interface OpenAiGeneratorOptions extends HttpEndpointOptions {
  /**
   * The `model` sent with each request: the served name for vLLM and Ollama, anything for
   * llama.cpp server, `tgi` for TGI (other names ask TGI for a LoRA adapter). A request's
   * `adapter` replaces it, as vLLM and TGI serve LoRA adapters under their own names.
   */
  model: string;
  /** Provider name in results, info and errors. Default `openai`. */
  provider?: string | undefined;
  /** Ask for a final usage chunk (`stream_options.include_usage`). Default true. */
  includeUsage?: boolean | undefined;
  /**
   * Send `top_k` and `repetition_penalty`, which the OpenAI API lacks but vLLM and
   * llama.cpp server accept. Default false: a request using them gets PARAMETERS_INVALID.
   */
  samplingExtensions?: boolean | undefined;
}

/** Generates through `/v1/chat/completions`; a plain prompt is sent as one user message. */
export class OpenAiGenerator implements Generator {
  private readonly endpoint: OpenAiGeneratorOptions & { provider: string };
  private readonly bodyOptions: ChatBodyOptions;

  constructor(options: OpenAiGeneratorOptions) {
    const provider = options.provider ?? 'openai';
    this.endpoint = { ...options, provider };
    this.bodyOptions = {
      provider,
      model: options.model,
      includeUsage: options.includeUsage ?? true,
      samplingExtensions: options.samplingExtensions ?? false,
    };
  }

  /** The configured model; asks the server nothing. */
  async info(): Promise<GeneratorInfo> {
    return { provider: this.endpoint.provider, model: this.endpoint.model };
  }

  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    const body = chatBody(request, this.bodyOptions, true);
    const exchange = await openExchange(this.endpoint, '/v1/chat/completions', {
      method: 'POST',
      accept: 'text/event-stream',
      body,
      signal: request.signal,
    });

    let text = '';
    let firstTokenMs: number | undefined;
    let finish: string | undefined;
    let usage: ChatUsage | undefined;
    let model: string | undefined;
    let done = false;
    for await (const data of readSseData(exchange)) {
      if (data.trim() === '[DONE]') {
        done = true;
        break;
      }
      const chunk = parseEventJson<ChatChunk>(data, exchange.context);
      if (chunk.error !== undefined) {
        throw streamEventError(exchange.context, chunk as Record<string, unknown>, text !== '');
      }
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (choice?.finish_reason) finish = choice.finish_reason;
      const delta = choice?.delta?.content;
      if (!delta) continue;
      firstTokenMs ??= exchange.elapsedMs();
      text += delta;
      yield { type: 'text-delta', text: delta };
    }
    if (!done && finish === undefined) {
      const what = 'the connection closed before the finish reason and [DONE]';
      throw streamBrokenError(exchange.context, what, undefined, { receivedText: text.length });
    }

    if (exchange.signal.aborted) throw exchange.fail(exchange.signal.reason);
    const totalMs = exchange.elapsedMs();
    const result = this.result(request, text, finish, usage, model, totalMs, firstTokenMs);
    yield { type: 'finish', result };
  }

  /** One non-streamed request (`stream: false`). */
  async generate(request: GenerationRequest): Promise<GenerationResult> {
    const body = chatBody(request, this.bodyOptions, false);
    const exchange = await openExchange(this.endpoint, '/v1/chat/completions', {
      method: 'POST',
      body,
      signal: request.signal,
    });
    const completion = await readJson<ChatCompletion>(exchange);
    const choice = completion.choices?.[0];
    const text = choice?.message?.content ?? '';
    const totalMs = exchange.elapsedMs();
    const usage = completion.usage ?? undefined;
    const finish = choice?.finish_reason ?? undefined;
    return this.result(request, text, finish, usage, completion.model, totalMs, undefined);
  }

  private result(
    request: GenerationRequest,
    text: string,
    finish: string | undefined,
    usage: ChatUsage | undefined,
    model: string | undefined,
    totalMs: number,
    firstTokenMs: number | undefined,
  ): GenerationResult {
    return {
      text,
      finishReason: finishReasonOf(finish),
      usage: usage
        ? {
            inputTokens: usage.prompt_tokens,
            outputTokens: usage.completion_tokens,
            source: 'server',
          }
        : estimateUsage(request, text),
      timings: { timeToFirstTokenMs: firstTokenMs ?? totalMs, totalMs },
      model: model ?? request.adapter ?? this.endpoint.model,
      provider: this.endpoint.provider,
      ...(request.adapter === undefined ? {} : { adapter: request.adapter }),
    };
  }
}
