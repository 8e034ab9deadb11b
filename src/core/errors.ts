/**
 * Typed errors. Every error carries a stable `code`, the facts needed to act on it,
 * and a message that says what to do next. The CLI maps `exitCode` to the process
 * exit status: 1 for failures, 2 for usage errors.
 * @module
 */

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_UNREADABLE'
  | 'USAGE'
  | 'INPUT_MALFORMED'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNSUPPORTED'
  | 'STORE_FAILED'
  | 'STORE_LOCKED'
  | 'DATASET_NOT_FOUND'
  | 'FETCH_FAILED'
  | 'INTERRUPTED'
  | 'GENERATION_FAILED'
  | 'GENERATION_TIMEOUT'
  | 'STREAM_BROKEN'
  | 'RATE_LIMITED'
  | 'ENDPOINT_UNAVAILABLE'
  | 'BUDGET_EXCEEDED'
  | 'PARAMETERS_INVALID'
  | 'MODEL_NOT_FOUND'
  | 'TEMPLATE_INVALID'
  | 'POLICY_INVALID'
  | 'GUARD_BLOCKED'
  | 'VAULT_LOCKED'
  | 'EXPERIMENT_NOT_FOUND'
  | 'EVALUATION_REGRESSION';

export interface MarkwerkErrorOptions {
  /** Machine-readable facts: file, line, key, status, url and the like. Never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Process exit status when this error ends the CLI. */
  exitCode?: 1 | 2;
}

export class MarkwerkError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly exitCode: 1 | 2;

  constructor(code: ErrorCode, message: string, options: MarkwerkErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'MarkwerkError';
    this.code = code;
    this.details = options.details ?? {};
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A bad command line: wrong flag, missing argument. Exits with status 2. */
export class UsageError extends MarkwerkError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('USAGE', message, { details, exitCode: 2 });
    this.name = 'UsageError';
  }
}

/** A malformed input file; names the file and, where known, the line. */
export class InputError extends MarkwerkError {
  constructor(message: string, details: { file: string; line?: number; [key: string]: unknown }) {
    const where = details.line === undefined ? details.file : `${details.file}:${details.line}`;
    super('INPUT_MALFORMED', `${where}: ${message}`, { details });
    this.name = 'InputError';
  }
}

export function isMarkwerkError(value: unknown): value is MarkwerkError {
  return value instanceof MarkwerkError;
}

/** The message of any thrown value, for logs and reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
