/**
 * Error bodies of the generation stand-ins: TGI's `{"error","error_type"}` and the
 * OpenAI-style `{"error":{"message","type","code"}}`.
 * @module
 */
import type { StandInBehaviour } from './stand-in-http.js';

type ErrorBehaviour = Extract<StandInBehaviour, { kind: 'error' }>;

const DEFAULTS: Record<ErrorBehaviour['status'], { message: string; errorType: string }> = {
  400: { message: 'Bad request: the body could not be read', errorType: 'bad_request' },
  401: { message: 'Unauthorized', errorType: 'authentication' },
  422: { message: 'Input validation error: rejected by the stand-in', errorType: 'validation' },
  424: { message: 'Request failed during generation: stand-in failure', errorType: 'generation' },
  429: { message: 'Model is overloaded', errorType: 'overloaded' },
  500: { message: 'Incomplete generation', errorType: 'incomplete_generation' },
  503: { message: 'unhealthy', errorType: 'healthcheck' },
};

export interface StandInError {
  status: number;
  message: string;
  errorType: string;
  headers: Record<string, string>;
}

/** Fills in the defaults of a scripted error. */
export function describeStandInError(behaviour: ErrorBehaviour): StandInError {
  const defaults = DEFAULTS[behaviour.status];
  return {
    status: behaviour.status,
    message: behaviour.message ?? defaults.message,
    errorType: behaviour.errorType ?? defaults.errorType,
    headers: behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter },
  };
}

/** A validation failure found by the stand-in's own checks (422, `validation`). */
export function validationError(message: string): StandInError {
  return {
    status: 422,
    message: `Input validation error: ${message}`,
    errorType: 'validation',
    headers: {},
  };
}

export function tgiErrorBody(error: StandInError): { error: string; error_type: string } {
  return { error: error.message, error_type: error.errorType };
}

export function openAiErrorBody(error: StandInError): {
  error: { message: string; type: string; code: number };
} {
  return { error: { message: error.message, type: error.errorType, code: error.status } };
}
