/**
 * A Generator for Text Generation Inference servers. Prompts (and chat messages when a
 * `renderChat` callback turns them into a prompt) go to the native routes: `/generate_stream`
 * (SSE, parsed with eventsource-parser) and `/generate`. Chat messages without a renderer
 * go to TGI's `/v1/chat/completions`, which applies the model's own chat template. `/info`
 * is asked once and cached. LoRA adapters travel as `adapter_id` (as `model` on the chat
 * route, which TGI maps to the same). Errors follow http-errors.ts; nothing is retried here.
 * @module
 */
import type {
  ChatMessage,
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
  GeneratorInfo,
} from './generator.js';
import { parseEventJson, streamBrokenError, streamEventError } from './http-errors.js';
import { openExchange, readJson, type HttpEndpointOptions } from './http-request.js';
import { chatApiParameters, estimateUsage, finishReasonOf } from './http-results.js';
import { OpenAiGenerator } from './openai-generator.js';
import { readSseData } from './sse-events.js';
import {
  tgiParameters,
  type TgiGenerateResponse,
  type TgiInfo,
  type TgiStreamEvent,
} from './tgi-generate-body.js';

export interface TgiGeneratorOptions extends HttpEndpointOptions {
  /** LoRA adapter (`adapter_id`) for requests that name none. */
  adapter?: string | undefined;
  /**
   * Renders chat messages into a prompt for the native routes (for example the model's chat
   * template). Without it, chat requests use TGI's `/v1/chat/completions`.
   */
  renderChat?: ((messages: ChatMessage[]) => string | Promise<string>) | undefined;
}

const PROVIDER = 'tgi';

export class TgiGenerator implements Generator {
  private readonly endpoint: TgiGeneratorOptions & { provider: string };
  private readonly chat: OpenAiGenerator;
  private cachedInfo: Promise<GeneratorInfo> | undefined;
  private resultModel: Promise<string> | undefined;

  constructor(private readonly options: TgiGeneratorOptions) {
    this.endpoint = { ...options, provider: PROVIDER };
    this.chat = new OpenAiGenerator({ ...options, model: 'tgi', provider: PROVIDER });
  }

  /** Model id, revision and limits from `GET /info`, asked once; a failure is not cached. */
  info(): Promise<GeneratorInfo> {
    this.cachedInfo ??= this.fetchInfo().catch((error: unknown) => {
      this.cachedInfo = undefined;
      throw error;
    });
    return this.cachedInfo;
  }

  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    const prompt = await this.promptOf(request);
    if (prompt === undefined) {
      yield* this.chat.stream(this.chatRequest(request));
      return;
    }
    const model = this.modelName();
    const body = { inputs: prompt, parameters: tgiParameters(request, this.options.adapter) };
    const exchange = await openExchange(this.endpoint, '/generate_stream', {
      method: 'POST',
      accept: 'text/event-stream',
      body,
      signal: request.signal,
    });

    let text = '';
    let firstTokenMs: number | undefined;
    let final: TgiStreamEvent | undefined;
    for await (const data of readSseData(exchange)) {
      const event = parseEventJson<TgiStreamEvent>(data, exchange.context);
      if (event.error !== undefined) {
        throw streamEventError(exchange.context, { ...event }, text !== '');
      }
      const token = event.token;
      if (token && !token.special && token.text !== '') {
        firstTokenMs ??= exchange.elapsedMs();
        text += token.text;
        yield { type: 'text-delta', text: token.text };
      }
      if (typeof event.generated_text === 'string') {
        final = event;
        break;
      }
    }
    if (!final) {
      const what = 'the connection closed before the event with generated_text';
      throw streamBrokenError(exchange.context, what, undefined, { receivedText: text.length });
    }

    if (exchange.signal.aborted) throw exchange.fail(exchange.signal.reason);
    const totalMs = exchange.elapsedMs();
    const details = final.details ?? undefined;
    const usage =
      details?.input_length === undefined
        ? estimateUsage({ prompt }, text)
        : {
            inputTokens: details.input_length,
            outputTokens: details.generated_tokens,
            source: 'server' as const,
          };
    const timings = { timeToFirstTokenMs: firstTokenMs ?? totalMs, totalMs };
    const result = { text, finishReason: finishReasonOf(details?.finish_reason), usage, timings };
    yield { type: 'finish', result: { ...result, ...(await this.identity(request, model)) } };
  }

  /** One `POST /generate` (or a non-streamed chat completion for unrendered messages). */
  async generate(request: GenerationRequest): Promise<GenerationResult> {
    const prompt = await this.promptOf(request);
    if (prompt === undefined) return this.chat.generate(this.chatRequest(request));
    const model = this.modelName();
    const body = { inputs: prompt, parameters: tgiParameters(request, this.options.adapter) };
    const exchange = await openExchange(this.endpoint, '/generate', {
      method: 'POST',
      body,
      signal: request.signal,
    });
    const response = await readJson<TgiGenerateResponse>(exchange);

    const totalMs = exchange.elapsedMs();
    const details = response.details ?? undefined;
    const promptTokens = Number(exchange.response.headers.get('x-prompt-tokens') ?? Number.NaN);
    // TGI fills `prefill` only with decoder_input_details, so an empty one says nothing.
    const prefill = details?.prefill?.length || undefined;
    const inputTokens = Number.isFinite(promptTokens) ? promptTokens : prefill;
    const usage =
      inputTokens === undefined || details === undefined
        ? estimateUsage({ prompt }, response.generated_text)
        : { inputTokens, outputTokens: details.generated_tokens, source: 'server' as const };
    return {
      text: response.generated_text,
      finishReason: finishReasonOf(details?.finish_reason),
      usage,
      timings: { timeToFirstTokenMs: totalMs, totalMs },
      ...(await this.identity(request, model)),
    };
  }

  private async fetchInfo(): Promise<GeneratorInfo> {
    const exchange = await openExchange(this.endpoint, '/info', { method: 'GET' });
    const info = await readJson<TgiInfo>(exchange);
    const limits = {
      ...(info.max_input_tokens === undefined ? {} : { maxInputTokens: info.max_input_tokens }),
      ...(info.max_total_tokens === undefined ? {} : { maxTotalTokens: info.max_total_tokens }),
      ...(info.max_stop_sequences === undefined
        ? {}
        : { maxStopSequences: info.max_stop_sequences }),
    };
    return {
      provider: PROVIDER,
      model: info.model_id,
      ...(info.model_sha ? { revision: info.model_sha } : {}),
      limits,
    };
  }

  /**
   * The model id for results, asked alongside the first generation. When /info fails, results
   * name the model `tgi` and /info is not asked again for them (info() itself still retries).
   */
  private modelName(): Promise<string> {
    this.resultModel ??= this.info().then(
      (info) => info.model,
      () => PROVIDER,
    );
    return this.resultModel;
  }

  private async identity(request: GenerationRequest, model: Promise<string>) {
    const adapter = request.adapter ?? this.options.adapter;
    return {
      model: await model,
      provider: PROVIDER,
      ...(adapter === undefined ? {} : { adapter }),
    };
  }

  /** The prompt for the native routes, or undefined when messages go to the chat route. */
  private async promptOf(request: GenerationRequest): Promise<string | undefined> {
    if (request.messages && request.messages.length > 0) {
      return this.options.renderChat ? await this.options.renderChat(request.messages) : undefined;
    }
    return request.prompt === '' ? undefined : request.prompt;
  }

  private chatRequest(request: GenerationRequest): GenerationRequest {
    const hint = 'or give the TGI generator a renderChat callback to use the native routes';
    const parameters = chatApiParameters(request, PROVIDER, hint);
    const adapter = request.adapter ?? this.options.adapter;
    return { ...request, parameters, ...(adapter === undefined ? {} : { adapter }) };
  }
}
