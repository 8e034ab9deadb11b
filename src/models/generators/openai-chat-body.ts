/**
 * The request body and response shapes of `POST /v1/chat/completions` as OpenAI-compatible
 * servers (TGI's messages API, vLLM, llama.cpp server, Ollama) share them.
 * @module
 */
import type { GenerationRequest } from './generator.js';
import { chatApiParameters, messagesOf } from './http-results.js';

export interface ChatBodyOptions {
  provider: string;
  model: string;
  includeUsage: boolean;
  samplingExtensions: boolean;
}

/** One streamed chunk (`chat.completion.chunk`), or an error event. */
export interface ChatChunk {
  model?: string;
  choices?: Array<{ delta?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: ChatUsage | null;
  error?: unknown;
}

export interface ChatCompletion {
  model?: string;
  choices?: Array<{ message?: { content?: string | null }; finish_reason?: string | null }>;
  usage?: ChatUsage | null;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/**
 * Builds the body. The request's adapter goes in `model` (how TGI and vLLM select a LoRA
 * adapter). `top_p` of 1 or more is left out: it means "off" everywhere, and TGI refuses 1.0.
 */
export function chatBody(
  request: GenerationRequest,
  options: ChatBodyOptions,
  stream: boolean,
): Record<string, unknown> {
  const messages = messagesOf(request, options.provider);
  const hint = 'or turn on samplingExtensions for a server that accepts it (vLLM, llama.cpp)';
  const parameters = options.samplingExtensions
    ? (request.parameters ?? {})
    : chatApiParameters(request, options.provider, hint);
  const body: Record<string, unknown> = {
    model: request.adapter ?? options.model,
    messages,
    stream,
  };
  if (stream && options.includeUsage) body.stream_options = { include_usage: true };

  const { temperature, topP, topK, maxNewTokens, repetitionPenalty } = parameters;
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined && topP < 1) body.top_p = topP;
  if (maxNewTokens !== undefined) body.max_tokens = maxNewTokens;
  if (parameters.frequencyPenalty !== undefined) {
    body.frequency_penalty = parameters.frequencyPenalty;
  }
  if (parameters.stop !== undefined && parameters.stop.length > 0) body.stop = parameters.stop;
  if (parameters.seed !== undefined) body.seed = parameters.seed;
  if (topK !== undefined) body.top_k = topK;
  if (repetitionPenalty !== undefined) body.repetition_penalty = repetitionPenalty;
  return body;
}
