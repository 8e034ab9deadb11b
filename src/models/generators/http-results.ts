/**
 * Pieces of a `GenerationResult` shared by the remote generators: finish reasons across
 * protocols, usage estimates when a server reports none, and the request's parameters
 * checked against what a protocol can carry.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';
import { countTokens } from '../../ingest/process/tokens.js';
import {
  type ChatMessage,
  type FinishReason,
  type GenerationParameters,
  type GenerationRequest,
  type TokenUsage,
  requestText,
} from './generator.js';

/** Maps TGI (`eos_token`, `stop_sequence`) and OpenAI (`stop`, `length`) reasons. */
export function finishReasonOf(reason: string | null | undefined): FinishReason {
  if (reason === 'stop' || reason === 'eos_token') return 'stop';
  if (reason === 'length') return 'length';
  if (reason === 'stop_sequence') return 'stop_sequence';
  return 'unknown';
}

/** Token counts from the local estimate, for servers that report no usage. */
export function estimateUsage(request: GenerationRequest, text: string): TokenUsage {
  const input = countTokens(requestText(request));
  return { inputTokens: input, outputTokens: countTokens(text), source: 'estimate' };
}

/** The chat messages of a request: its messages, or its prompt as one user message. */
export function messagesOf(request: GenerationRequest, provider: string): ChatMessage[] {
  if (request.messages && request.messages.length > 0) return request.messages;
  if (request.prompt !== undefined && request.prompt.length > 0) {
    return [{ role: 'user', content: request.prompt }];
  }
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    'The generation request has neither messages nor a prompt; set one of them.',
    { details: { provider, retryable: false } },
  );
}

/** Sampling parameters that OpenAI-style chat completion APIs have no field for. */
const notInChatApi = ['topK', 'repetitionPenalty'] as const;

/**
 * The request's parameters for a chat completions API. Those the API cannot carry are left
 * out when the request is best effort (a use-case profile) and refused otherwise, so a
 * caller who set one on purpose is never ignored silently.
 */
export function chatApiParameters(
  request: GenerationRequest,
  provider: string,
  hint: string,
): GenerationParameters {
  const parameters = request.parameters ?? {};
  const present = notInChatApi.filter((name) => parameters[name] !== undefined);
  if (present.length === 0) return parameters;
  if (request.bestEffortParameters) {
    const kept = { ...parameters };
    for (const name of present) delete kept[name];
    return kept;
  }
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    `The ${provider} chat completions API has no ${present.join(' or ')}; remove ` +
      `${present.length > 1 ? 'them' : 'it'} from the request parameters, ${hint}.`,
    { details: { provider, parameters: [...present], retryable: false } },
  );
}
