/**
 * The generator port: a request (chat messages or a plain prompt, sampling parameters, an
 * optional LoRA adapter) becomes a stream of text deltas and one final result with usage
 * and timings. Every adapter (TGI, OpenAI-compatible, Hugging Face Inference, local GGUF,
 * the offline composer) implements this interface and passes the shared generator suite.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sampling parameters; an adapter passes on those its protocol knows and ignores none. */
export interface GenerationParameters {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxNewTokens?: number;
  repetitionPenalty?: number;
  frequencyPenalty?: number;
  stop?: string[];
  seed?: number;
}

/**
 * Who asked and from what inputs. Adapters ignore tags; the metering and cache decorators use
 * them for budgets, the usage ledger and cache keys.
 */
export interface GenerationTags {
  /** Workspace charged in the usage ledger and checked against its budget. */
  workspace?: string;
  /** Use case (`brief`, `draft`, `product-copy`, ...) recorded in the usage ledger. */
  useCase?: string;
  /** The prompt template the request was rendered from. */
  template?: TemplateReference;
  /** Ids of the retrieved chunks the prompt was grounded on, in prompt order. */
  chunkIds?: string[];
  /** Dataset version the chunks came from; cached results of other versions are not reused. */
  datasetVersion?: string;
}

export interface GenerationRequest {
  /** Chat messages; adapters without a chat API render them with the model's template. */
  messages?: ChatMessage[];
  /** A raw prompt, for completion-style endpoints. One of `messages` or `prompt` is set. */
  prompt?: string;
  parameters?: GenerationParameters;
  /** LoRA adapter id; the TGI adapter passes it as `adapter_id`. */
  adapter?: string;
  /**
   * Leave out parameters the model's API has no field for (`topK` and `repetitionPenalty` on
   * chat completion APIs) instead of refusing the request. Use-case profiles set it: they are
   * written for TGI's native routes and must still run on any provider.
   */
  bestEffortParameters?: boolean;
  /** Aborts the request and its stream. */
  signal?: AbortSignal;
  /** Attribution and provenance for metering and caching; never sent to the model. */
  tags?: GenerationTags;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Where the counts came from: the server's report, or a local tokenizer estimate. */
  source: 'server' | 'tokenizer' | 'estimate';
}

export interface GenerationTimings {
  /** Milliseconds from sending the request to the first text delta. */
  timeToFirstTokenMs: number;
  /** Milliseconds from sending the request to the final result. */
  totalMs: number;
}

export type FinishReason = 'stop' | 'length' | 'stop_sequence' | 'error' | 'unknown';

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  timings: GenerationTimings;
  /** The model that answered, as the server names it (TGI `/info` model_id and the like). */
  model: string;
  /** Provider name of the adapter: `tgi`, `openai`, `hf`, `llama`, `offline`. */
  provider: string;
  adapter?: string;
  /**
   * The text split into sentences, each with the sources it rests on. Set by generators that
   * know their sources (the offline composer); model adapters leave it out.
   */
  sentences?: CitedSentence[];
  /** A human-readable origin label; the offline composer sets `offline composer`. */
  label?: string;
  /** The prompt template the request was built from, for audit. */
  template?: TemplateReference;
  /** Set when the generation cache replayed a stored result instead of calling the model. */
  replayedFromCache?: true;
  /** Set by a fallback chain when a later model answered: the models that failed first. */
  fallbackFrom?: string[];
}

/** Where a sentence's content comes from: a feed record field, a retrieved chunk, the request. */
export interface Citation {
  source: 'feed' | 'retrieved' | 'request';
  /** Feed record id (e.g. the SKU) or retrieval chunk id. */
  id: string;
  /** The feed field or request key the text was taken from. */
  field?: string;
}

export interface CitedSentence {
  text: string;
  /** Empty only for fixed notices (such as "nothing found") that state no fact. */
  citations: Citation[];
}

/** A versioned prompt template, as recorded on every output. */
export interface TemplateReference {
  id: string;
  version: number;
}

export type GenerationEvent =
  { type: 'text-delta'; text: string } | { type: 'finish'; result: GenerationResult };

/** What a generator tells callers about the model behind it. */
export interface GeneratorInfo {
  provider: string;
  model: string;
  revision?: string;
  /** Limits the server reports (TGI `/info`), used to validate parameter profiles. */
  limits?: { maxInputTokens?: number; maxTotalTokens?: number; maxStopSequences?: number };
}

export interface Generator {
  /** Describes the model; adapters for remote servers may ask the server once and cache. */
  info(): Promise<GeneratorInfo>;
  /**
   * Streams text deltas, then exactly one `finish` event. A stream that breaks before the
   * finish event throws a `MarkwerkError` with code `STREAM_BROKEN`; the caller must treat
   * any text already seen as partial and never store it as a final output.
   */
  stream(request: GenerationRequest): AsyncIterable<GenerationEvent>;
  /** Runs `stream` to the end and returns the final result. */
  generate(request: GenerationRequest): Promise<GenerationResult>;
  close?(): Promise<void>;
}

/**
 * The text a request gives the model, for token counts: its messages' contents one per line,
 * or its prompt when it has no messages.
 */
export function requestText(request: Pick<GenerationRequest, 'messages' | 'prompt'>): string {
  if (request.messages && request.messages.length > 0) {
    return request.messages.map((message) => message.content).join('\n');
  }
  return request.prompt ?? '';
}

/** `generate` for adapters that only implement `stream`. */
export async function collectStream(
  events: AsyncIterable<GenerationEvent>,
): Promise<GenerationResult> {
  for await (const event of events) {
    if (event.type === 'finish') return event.result;
  }
  throw new MarkwerkError(
    'STREAM_BROKEN',
    'The generator stream ended without its final event; nothing was stored. Retry the request.',
  );
}
