import { MarkwerkError } from '../../../core/errors.js';
import type { GenerationEvent } from '../generator.js';

/** Errors as the TGI and OpenAI adapters raise them, for scripted generators. */
export const scriptedErrors = {
  unavailable: () =>
    new MarkwerkError('ENDPOINT_UNAVAILABLE', 'connection refused', {
      details: { retryable: true },
    }),
  rateLimited: (retryAfterMs: number) =>
    new MarkwerkError('RATE_LIMITED', 'too many requests', {
      details: { retryable: true, retryAfterMs },
    }),
  overloaded: (retryAfterMs: number) =>
    new MarkwerkError('ENDPOINT_UNAVAILABLE', 'model is overloaded (503)', {
      details: { retryable: true, retryAfterMs, status: 503 },
    }),
  invalid: () =>
    new MarkwerkError('PARAMETERS_INVALID', 'temperature must be positive', {
      details: { retryable: false },
    }),
  broken: () =>
    new MarkwerkError('STREAM_BROKEN', 'connection reset', { details: { retryable: true } }),
};

/** Reads a stream to its end or its error, keeping the deltas seen on the way. */
export async function readStream(
  events: AsyncIterable<GenerationEvent>,
): Promise<{ deltas: string[]; finished: boolean; error?: unknown }> {
  const deltas: string[] = [];
  try {
    for await (const event of events) {
      if (event.type === 'text-delta') deltas.push(event.text);
      if (event.type === 'finish') return { deltas, finished: true };
    }
    return { deltas, finished: false };
  } catch (error) {
    return { deltas, finished: false, error };
  }
}
