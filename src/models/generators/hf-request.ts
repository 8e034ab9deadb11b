import type { chatCompletionStream } from '@huggingface/inference';
import { MarkwerkError } from '../../core/errors.js';
import type { GenerationRequest } from './generator.js';
import { chatApiParameters } from './http-results.js';

type ChatCompletionInput = Parameters<typeof chatCompletionStream>[0];
type ChatCompletionStreamOutput =
  ReturnType<typeof chatCompletionStream> extends AsyncGenerator<infer Chunk> ? Chunk : never;

/**
 * The chat completion body for one request. A plain `prompt` becomes one user message, since
 * Inference Endpoints and Providers are reached through the chat API; parameters the chat
 * API lacks are refused, or left out for a best-effort request (see `chatApiParameters`).
 */
export function toChatInput(
  request: GenerationRequest,
  defaults: { maxNewTokens: number },
): Pick<
  ChatCompletionInput,
  'messages' | 'max_tokens' | 'temperature' | 'top_p' | 'seed' | 'stop' | 'frequency_penalty'
> {
  const parameters = chatApiParameters(request, 'hf', 'or use the tgi or llama provider');
  const hasMessages = request.messages !== undefined && request.messages.length > 0;
  if (hasMessages === (request.prompt !== undefined)) {
    throw new MarkwerkError(
      'PARAMETERS_INVALID',
      'A generation request needs exactly one of `prompt` or a non-empty `messages`.',
      { details: { provider: 'hf', retryable: false } },
    );
  }

  return {
    messages: hasMessages
      ? (request.messages ?? []).map(({ role, content }) => ({ role, content }))
      : [{ role: 'user', content: request.prompt ?? '' }],
    max_tokens: parameters.maxNewTokens ?? defaults.maxNewTokens,
    ...(parameters.temperature === undefined ? {} : { temperature: parameters.temperature }),
    ...(parameters.topP === undefined ? {} : { top_p: parameters.topP }),
    ...(parameters.seed === undefined ? {} : { seed: parameters.seed }),
    ...(parameters.stop?.length ? { stop: parameters.stop } : {}),
    ...(parameters.frequencyPenalty === undefined
      ? {}
      : { frequency_penalty: parameters.frequencyPenalty }),
  };
}

/** Text, finish reason and usage of one streamed chunk; usage may come in a choice-less one. */
export function readChunk(chunk: ChatCompletionStreamOutput): {
  text: string;
  finishReason?: string;
  usage?: { inputTokens: number; outputTokens: number };
} {
  const choice = chunk.choices[0];
  const usage = chunk.usage;
  return {
    text: choice?.delta.content ?? '',
    ...(choice?.finish_reason ? { finishReason: choice.finish_reason } : {}),
    ...(usage
      ? { usage: { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } }
      : {}),
  };
}
