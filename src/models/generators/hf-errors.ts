import { InferenceClientError } from '@huggingface/inference';
import { isMarkwerkError, MarkwerkError } from '../../core/errors.js';
import {
  describeCause,
  statusError,
  streamBrokenError,
  streamEventError,
  type FailureContext,
} from './http-errors.js';

/** What the guarded fetch saw of the last HTTP exchange; the library keeps no headers. */
export interface HfResponseFacts {
  /** The URL last requested, without credentials or query string. */
  url?: string;
  status?: number;
  retryAfterMs?: number;
}

interface HfHttpError {
  message: string;
  httpResponse: { status: number; requestId: string; body: unknown };
}

/**
 * Turns anything the Hugging Face client throws into a `MarkwerkError` with the same codes
 * and `details` as the TGI and OpenAI adapters (see `http-errors.ts`). The library's error
 * holds the request headers, the token among them, so it is never kept as `cause`: only its
 * message, status and request id travel on.
 */
export function toHfError(
  error: unknown,
  context: {
    /** The endpoint URL, or the router for Inference Providers, when no request was made. */
    url: string;
    /** Text was already handed to the caller. */
    partial: boolean;
    facts: HfResponseFacts;
  },
): MarkwerkError {
  if (isMarkwerkError(error)) return error;
  const { partial, facts } = context;
  const failure: FailureContext = { url: facts.url ?? context.url, provider: 'hf' };
  // Once a 200 event stream is open, a lost connection is a broken stream, text or not.
  const opened = partial || facts.status === 200;

  if (isHttpError(error)) {
    const { status, requestId, body } = error.httpResponse;
    if (status === 200 && typeof body === 'object' && body !== null) {
      return withRequestId(
        streamEventError(failure, body as Record<string, unknown>, partial),
        requestId,
      );
    }
    if (partial) return streamBrokenError(failure, error.message, undefined, { status });
    return statusError(
      failure,
      status,
      { message: error.message },
      { requestId: requestId || undefined, retryAfterMs: facts.retryAfterMs },
    );
  }

  if (error instanceof InferenceClientError) {
    if (partial) return streamBrokenError(failure, error.message);
    return new MarkwerkError(
      'GENERATION_FAILED',
      `${error.message}. Check endpointUrl, model and inferenceProvider.`,
      { details: { ...failure, retryable: false } },
    );
  }

  if (opened) {
    return streamBrokenError(failure, `the connection failed (${describeCause(error)})`);
  }
  return new MarkwerkError(
    'ENDPOINT_UNAVAILABLE',
    `Could not reach ${failure.url} (${describeCause(error)}); check that it runs and that ` +
      'the url is right.',
    { details: { ...failure, retryable: true } },
  );
}

function withRequestId(error: MarkwerkError, requestId: string): MarkwerkError {
  if (requestId) Object.assign(error.details, { requestId });
  return error;
}

function isHttpError(error: unknown): error is HfHttpError {
  if (!(error instanceof InferenceClientError)) return false;
  const response = (error as Partial<HfHttpError>).httpResponse;
  return typeof response?.status === 'number';
}
