import { pino } from 'pino';

/** The logging surface library code depends on; the CLI and server inject pino. */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * A pino logger writing JSON lines to stderr, so stdout stays machine-readable.
 * Fields that may hold secrets are redacted.
 */
export function createLogger(level: LogLevel = 'warn'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: ['password', 'token', 'authorization', 'databaseUrl', '*.password', '*.token'],
    },
    pino.destination(2),
  );
}
