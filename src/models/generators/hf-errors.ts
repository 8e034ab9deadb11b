import { InferenceClientError } from '@huggingface/inference';
import {
  describeError,
  isMarkwerkError,
  MarkwerkError,
  type ErrorCode,
} from '../../core/errors.js';

/** What the guarded fetch saw of the last HTTP answer; the library does not keep headers. */
export interface HfResponseFacts {
  status?: number;
  retryAfterMs?: number;
}

interface HfHttpError {
  message: string;
  httpResponse: { status: number; requestId: string; body: unknown };
}

/** Statuses worth retrying, and the code each maps to. */
const BY_STATUS: Record<number, { code: ErrorCode; retryable: boolean; hint: string }> = {
  400: { code: 'PARAMETERS_INVALID', retryable: false, hint: 'Check the request parameters.' },
  401: { code: 'GENERATION_FAILED', retryable: false, hint: 'Set accessToken or HF_TOKEN.' },
  403: {
    code: 'GENERATION_FAILED',
    retryable: false,
    hint: 'The token lacks access: accept the model licence or use a token with inference rights.',
  },
  404: {
    code: 'MODEL_NOT_FOUND',
    retryable: false,
    hint: 'Check endpointUrl, or the model id and inferenceProvider.',
  },
  422: { code: 'PARAMETERS_INVALID', retryable: false, hint: 'Check the parameters and limits.' },
  424: { code: 'GENERATION_FAILED', retryable: false, hint: 'See the server logs.' },
  429: { code: 'RATE_LIMITED', retryable: true, hint: 'Retry later or lower concurrency.' },
  500: { code: 'GENERATION_FAILED', retryable: true, hint: 'Retry; see the server logs.' },
  502: { code: 'ENDPOINT_UNAVAILABLE', retryable: true, hint: 'Retry shortly.' },
  503: {
    code: 'ENDPOINT_UNAVAILABLE',
    retryable: true,
    hint: 'The endpoint is starting, scaled to zero or overloaded; retry shortly.',
  },
  504: { code: 'ENDPOINT_UNAVAILABLE', retryable: true, hint: 'Retry shortly.' },
};

/** Server error types sent inside a 200 event stream, as TGI does. */
const BY_ERROR_TYPE: Record<string, number> = {
  overloaded: 429,
  validation: 422,
  generation: 424,
  incomplete_generation: 500,
};

/**
 * Turns anything the Hugging Face client throws into a `MarkwerkError`. The library's error
 * holds the request headers (the token among them), so it is never kept as `cause`: only its
 * message, status and request id travel on.
 */
export function toHfError(
  error: unknown,
  context: {
    where: string;
    /** Text was already handed to the caller. */
    partial: boolean;
    facts: HfResponseFacts;
  },
): MarkwerkError {
  if (isMarkwerkError(error)) return error;
  const { where, partial, facts } = context;
  // Once a 200 event stream is open, a lost connection is a broken stream, text or not.
  const opened = partial || facts.status === 200;

  if (isHttpError(error)) {
    const { status: httpStatus, requestId, body } = error.httpResponse;
    const status = httpStatus === 200 ? eventStatusOf(body) : httpStatus;
    const known = BY_STATUS[status];
    const retryable = known?.retryable ?? status >= 500;
    const details = {
      provider: 'hf',
      where,
      status,
      retryable,
      ...(requestId ? { requestId } : {}),
      ...(facts.retryAfterMs === undefined ? {} : { retryAfterMs: facts.retryAfterMs }),
    };
    if (partial) return broken(where, error.message, details);
    const code = known?.code ?? (status >= 500 ? 'ENDPOINT_UNAVAILABLE' : 'GENERATION_FAILED');
    const hint = known?.hint ?? 'Check the endpoint and its logs.';
    return new MarkwerkError(code, `${where} answered ${status}: ${error.message}. ${hint}`, {
      details,
    });
  }

  if (error instanceof InferenceClientError) {
    const details = { provider: 'hf', where, retryable: false };
    if (partial) return broken(where, error.message, details);
    return new MarkwerkError(
      'GENERATION_FAILED',
      `${where}: ${error.message}. Check endpointUrl, model and inferenceProvider.`,
      { details },
    );
  }

  const details = { provider: 'hf', where, retryable: true };
  if (opened) return broken(where, describeError(error), details);
  return new MarkwerkError(
    'ENDPOINT_UNAVAILABLE',
    `Could not reach ${where} (${describeCause(error)}); check that it runs and the URL is right.`,
    { details },
  );
}

function broken(where: string, message: string, details: Record<string, unknown>) {
  return new MarkwerkError(
    'STREAM_BROKEN',
    `The stream from ${where} broke part-way (${message}); the text so far is partial and ` +
      'must not be stored. Retry the request.',
    { details: { ...details, retryable: true } },
  );
}

function isHttpError(error: unknown): error is HfHttpError {
  if (!(error instanceof InferenceClientError)) return false;
  const response = (error as Partial<HfHttpError>).httpResponse;
  return typeof response?.status === 'number';
}

/**
 * The status an error event inside a 200 stream stands for: TGI's chat stream sends
 * `{"error":{"message","http_status_code"}}`, OpenAI-style servers `{"error":{"type","code"}}`,
 * TGI's native stream `{"error","error_type"}`.
 */
function eventStatusOf(body: unknown): number {
  const event = (body ?? {}) as {
    error_type?: unknown;
    error?: { http_status_code?: unknown; code?: unknown; type?: unknown };
  };
  const inner = typeof event.error === 'object' && event.error !== null ? event.error : {};
  for (const status of [inner.http_status_code, inner.code]) {
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  for (const type of [event.error_type, inner.type]) {
    const status = typeof type === 'string' ? BY_ERROR_TYPE[type] : undefined;
    if (status !== undefined) return status;
  }
  return 500;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? describeError(error);
}

/** Retry-After is whole seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
