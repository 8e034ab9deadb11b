/**
 * Local GGUF generation through node-llama-cpp (an optional dependency, imported on first
 * use). One model and one context per generator; each request gets its own context sequence,
 * and at most `sequences` requests run at once.
 * @module
 */
import { basename } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { describeError, isMarkwerkError, MarkwerkError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import {
  collectStream,
  type FinishReason,
  type GenerationEvent,
  type GenerationRequest,
  type GenerationResult,
  type Generator,
  type GeneratorInfo,
} from './generator.js';
import { ChunkQueue } from './llama-chunk-queue.js';
import {
  llamaGeneratorConfig,
  type LlamaGeneratorConfig,
  type LlamaGeneratorConfigInput,
} from './llama-generator-config.js';
import { toChatHistory, toFinishReason, toLlamaSampling } from './llama-parameters.js';
import { StopSequenceFilter } from './llama-stop-filter.js';
import { openLlamaRuntime, type LlamaLibrary, type LlamaRuntime } from './llama-runtime.js';

export interface LlamaGeneratorOptions extends LlamaGeneratorConfigInput {
  logger?: Logger;
  /** Replaces `import('node-llama-cpp')`; tests use it to simulate a missing install. */
  importLibrary?: () => Promise<LlamaLibrary>;
}

interface Outcome {
  text: string;
  finishReason: FinishReason;
  inputTokens: number;
  outputTokens: number;
}

/** The `llama` provider: a local GGUF file, streamed token by token. */
export class LlamaGenerator implements Generator {
  private readonly config: LlamaGeneratorConfig;
  private readonly logger: Logger;
  private readonly importLibrary: (() => Promise<LlamaLibrary>) | undefined;
  private readonly limit: LimitFunction;
  private runtime: Promise<LlamaRuntime> | undefined;

  constructor(options: LlamaGeneratorOptions) {
    const { logger, importLibrary, ...config } = options;
    const parsed = llamaGeneratorConfig.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `llama generator option ${issue?.path.join('.') || '(root)'}: ${issue?.message}.`,
        { details: { provider: 'llama', key: issue?.path.join('.') } },
      );
    }
    this.config = parsed.data;
    this.logger = logger ?? silentLogger;
    this.importLibrary = importLibrary;
    this.limit = pLimit(this.config.sequences);
  }

  /** Answers from the configuration; the model is loaded on the first generation. */
  async info(): Promise<GeneratorInfo> {
    return {
      provider: 'llama',
      model: this.modelName(),
      ...(this.config.revision ? { revision: this.config.revision } : {}),
      limits: { maxTotalTokens: this.config.contextSize },
    };
  }

  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    const started = performance.now();
    const controller = new AbortController();
    const signal = request.signal
      ? AbortSignal.any([request.signal, controller.signal])
      : controller.signal;
    const queue = new ChunkQueue<string>();
    const outcome = this.limit(() => this.run(request, queue, signal));
    outcome.then(
      () => queue.end(),
      (error: unknown) => queue.fail(error),
    );

    let firstDeltaAt: number | undefined;
    let finished = false;
    try {
      for await (const text of queue) {
        firstDeltaAt ??= performance.now();
        yield { type: 'text-delta', text };
        request.signal?.throwIfAborted();
      }
      const result = await outcome;
      const totalMs = performance.now() - started;
      finished = true;
      yield {
        type: 'finish',
        result: {
          text: result.text,
          finishReason: result.finishReason,
          usage: {
            inputTokens: result.inputTokens,
            outputTokens: result.outputTokens,
            source: 'tokenizer',
          },
          timings: { timeToFirstTokenMs: (firstDeltaAt ?? performance.now()) - started, totalMs },
          model: this.modelName(),
          provider: 'llama',
        },
      };
    } catch (error) {
      throw this.describeFailure(error, request.signal, firstDeltaAt !== undefined);
    } finally {
      // A caller that stops reading early must not leave the sequence generating.
      if (!finished) {
        controller.abort();
        await outcome.catch(() => undefined);
      }
    }
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    return collectStream(this.stream(request));
  }

  async close(): Promise<void> {
    const runtime = await this.runtime?.catch(() => undefined);
    this.runtime = undefined;
    if (!runtime) return;
    await runtime.context.dispose();
    await runtime.model.dispose();
    await runtime.llama.dispose();
  }

  private load(): Promise<LlamaRuntime> {
    this.runtime ??= openLlamaRuntime(this.config, this.logger, this.importLibrary);
    this.runtime.catch(() => (this.runtime = undefined));
    return this.runtime;
  }

  private modelName(): string {
    return this.config.model ?? basename(this.config.modelPath);
  }

  private async run(
    request: GenerationRequest,
    queue: ChunkQueue<string>,
    signal: AbortSignal,
  ): Promise<Outcome> {
    const input = checkInput(request);
    const runtime = await this.load();
    const parameters = request.parameters ?? {};
    const sampling = toLlamaSampling(parameters, this.config.maxNewTokens);
    const filter = new StopSequenceFilter(parameters.stop);
    const stopped = new AbortController();
    let outputTokens = 0;
    const callbacks = {
      signal: AbortSignal.any([signal, stopped.signal]),
      stopOnAbortSignal: true,
      onToken: (tokens: readonly unknown[]) => (outputTokens += tokens.length),
      onTextChunk: (text: string) => {
        const released = filter.push(text);
        if (released) queue.push(released);
        if (filter.stoppedBy !== undefined) stopped.abort();
      },
    };

    const sequence = runtime.context.getSequence();
    try {
      let inputTokens: number;
      let stopReason: string;
      if (input.prompt !== undefined) {
        inputTokens = runtime.model.tokenize(input.prompt).length;
        this.checkFits(inputTokens, sampling.maxTokens);
        const completion = new runtime.library.LlamaCompletion({ contextSequence: sequence });
        const response = await completion.generateCompletionWithMeta(input.prompt, {
          ...sampling,
          ...callbacks,
        });
        stopReason = response.metadata.stopReason;
      } else {
        const chat = new runtime.library.LlamaChat({ contextSequence: sequence });
        const history = toChatHistory(input.messages);
        const rendered = chat.chatWrapper.generateContextState({ chatHistory: history });
        inputTokens = rendered.contextText.tokenize(runtime.model.tokenizer).length;
        this.checkFits(inputTokens, sampling.maxTokens);
        const response = await chat.generateResponse(history, { ...sampling, ...callbacks });
        stopReason = response.metadata.stopReason;
      }
      // With stopOnAbortSignal the library returns normally; a caller's abort still fails.
      if (signal.aborted) throw signal.reason;

      const rest = filter.flush();
      if (rest) queue.push(rest);
      const finishReason =
        filter.stoppedBy === undefined ? toFinishReason(stopReason) : 'stop_sequence';
      return { text: filter.text, finishReason, inputTokens, outputTokens };
    } finally {
      await sequence.dispose();
    }
  }

  private checkFits(inputTokens: number, maxTokens: number | undefined): void {
    const total = inputTokens + (maxTokens ?? 0);
    if (total <= this.config.contextSize) return;
    throw new MarkwerkError(
      'PARAMETERS_INVALID',
      `The input (${inputTokens} tokens) plus maxNewTokens (${maxTokens}) is over the context ` +
        `size ${this.config.contextSize}; shorten the input, lower maxNewTokens or raise ` +
        'contextSize.',
      { details: { provider: 'llama', inputTokens, maxNewTokens: maxTokens, retryable: false } },
    );
  }

  private describeFailure(error: unknown, callerSignal: AbortSignal | undefined, partial: boolean) {
    if (callerSignal?.aborted) {
      return new MarkwerkError('INTERRUPTED', 'The local generation was aborted by the caller.', {
        details: { provider: 'llama', retryable: false },
        cause: callerSignal.reason,
      });
    }
    if (isMarkwerkError(error)) return error;
    if (partial) {
      return new MarkwerkError(
        'STREAM_BROKEN',
        `Local generation stopped part-way (${describeError(error)}); the text so far is ` +
          'partial and must not be stored. Retry the request.',
        { details: { provider: 'llama', retryable: true }, cause: error },
      );
    }
    return new MarkwerkError(
      'GENERATION_FAILED',
      `Local generation failed (${describeError(error)}); check the model file and options.`,
      { details: { provider: 'llama', retryable: false }, cause: error },
    );
  }
}

function checkInput(
  request: GenerationRequest,
):
  | { prompt: string; messages?: undefined }
  | { prompt?: undefined; messages: NonNullable<GenerationRequest['messages']> } {
  if (request.prompt !== undefined && request.messages === undefined)
    return { prompt: request.prompt };
  if (request.messages !== undefined && request.prompt === undefined && request.messages.length > 0)
    return { messages: request.messages };
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    'A generation request needs exactly one of `prompt` or a non-empty `messages`.',
    { details: { provider: 'llama', retryable: false } },
  );
}
