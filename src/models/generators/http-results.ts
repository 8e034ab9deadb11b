/**
 * Pieces of a `GenerationResult` shared by the remote generators: finish reasons across
 * protocols, usage estimates when a server reports none, and the request's parameters
 * checked against what a protocol can carry.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';
import { countTokens } from '../../ingest/process/tokens.js';
import type { ChatMessage, FinishReason, GenerationRequest, TokenUsage } from './generator.js';

/** Maps TGI (`eos_token`, `stop_sequence`) and OpenAI (`stop`, `length`) reasons. */
export function finishReasonOf(reason: string | null | undefined): FinishReason {
  if (reason === 'stop' || reason === 'eos_token') return 'stop';
  if (reason === 'length') return 'length';
  if (reason === 'stop_sequence') return 'stop_sequence';
  return 'unknown';
}

/** Token counts from the local estimate, for servers that report no usage. */
export function estimateUsage(request: GenerationRequest, text: string): TokenUsage {
  const input = request.prompt ?? (request.messages ?? []).map((m) => m.content).join('\n');
  return { inputTokens: countTokens(input), outputTokens: countTokens(text), source: 'estimate' };
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

/** Refuses a parameter the protocol cannot carry, rather than dropping it silently. */
export function unsupportedParameter(provider: string, name: string, hint: string): never {
  throw new MarkwerkError(
    'PARAMETERS_INVALID',
    `The ${provider} chat completions API has no ${name}; remove it from the parameters, ${hint}.`,
    { details: { provider, parameter: name, retryable: false } },
  );
}
