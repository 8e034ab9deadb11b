import { MarkwerkError, type ErrorCode } from '../../core/errors.js';

export interface SerialisedError {
  message: string;
  code?: ErrorCode;
  details?: Record<string, unknown>;
  exitCode?: 1 | 2;
}

/** Errors cross thread boundaries as plain data; the class is rebuilt on the other side. */
export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof MarkwerkError) {
    return {
      message: error.message,
      code: error.code,
      details: error.details,
      exitCode: error.exitCode,
    };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

export function deserialiseError(error: SerialisedError): Error {
  if (error.code === undefined) return new Error(error.message);
  return new MarkwerkError(error.code, error.message, {
    ...(error.details ? { details: error.details } : {}),
    ...(error.exitCode ? { exitCode: error.exitCode } : {}),
  });
}
