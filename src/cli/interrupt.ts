import { MarkwerkError } from '../core/errors.js';

let controller: AbortController | undefined;

/**
 * An AbortSignal that fires on the first Ctrl-C or SIGTERM, so long work stops between
 * sources with its finished work saved; a second Ctrl-C exits at once.
 */
export function interruptSignal(): AbortSignal {
  if (controller) return controller.signal;
  const current = new AbortController();
  controller = current;
  const stop = (signal: NodeJS.Signals) => {
    if (current.signal.aborted) process.exit(130);
    current.abort(
      new MarkwerkError(
        'INTERRUPTED',
        `Stopped by ${signal}. Finished work is saved; run the same command again to resume.`,
      ),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return current.signal;
}
