import type { ChatHistoryItem, LlamaCompletionGenerationOptions } from 'node-llama-cpp';
import { MarkwerkError } from '../../core/errors.js';
import type { ChatMessage, FinishReason, GenerationParameters } from './generator.js';

/** The sampling options node-llama-cpp's completion and chat APIs share. */
export type LlamaSampling = Pick<
  LlamaCompletionGenerationOptions,
  'maxTokens' | 'temperature' | 'topK' | 'topP' | 'seed' | 'repeatPenalty'
>;

/**
 * Maps port parameters to node-llama-cpp options. The library applies a 1.1 repeat penalty
 * unless told otherwise; like TGI, Markwerk applies none unless the request asks for one.
 * Stop sequences are not passed on: `StopSequenceFilter` handles them on characters.
 */
export function toLlamaSampling(
  parameters: GenerationParameters,
  defaultMaxNewTokens: number,
): LlamaSampling {
  const { frequencyPenalty, repetitionPenalty } = parameters;
  if (frequencyPenalty !== undefined && (frequencyPenalty < 0 || frequencyPenalty > 1)) {
    throw new MarkwerkError(
      'PARAMETERS_INVALID',
      `frequencyPenalty ${frequencyPenalty} is outside 0..1, the range llama.cpp accepts; ` +
        'lower it for the llama provider.',
      { details: { provider: 'llama', parameter: 'frequencyPenalty', value: frequencyPenalty } },
    );
  }
  const penalised = repetitionPenalty !== undefined || frequencyPenalty !== undefined;

  return {
    maxTokens: parameters.maxNewTokens ?? defaultMaxNewTokens,
    ...(parameters.temperature === undefined ? {} : { temperature: parameters.temperature }),
    ...(parameters.topK === undefined ? {} : { topK: parameters.topK }),
    ...(parameters.topP === undefined ? {} : { topP: parameters.topP }),
    ...(parameters.seed === undefined ? {} : { seed: parameters.seed }),
    repeatPenalty: penalised
      ? {
          penalty: repetitionPenalty ?? 1,
          ...(frequencyPenalty === undefined ? {} : { frequencyPenalty }),
        }
      : false,
  };
}

/** Chat messages as node-llama-cpp history, ending in the empty model turn to be generated. */
export function toChatHistory(messages: ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message) => {
    if (message.role === 'system') return { type: 'system', text: message.content };
    if (message.role === 'user') return { type: 'user', text: message.content };
    return { type: 'model', response: [message.content] };
  });
  history.push({ type: 'model', response: [] });
  return history;
}

/** node-llama-cpp's stop reason in the port's words. */
export function toFinishReason(stopReason: string): FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
      return 'stop';
    case 'customStopTrigger':
      return 'stop_sequence';
    case 'maxTokens':
      return 'length';
    default:
      return 'unknown';
  }
}
