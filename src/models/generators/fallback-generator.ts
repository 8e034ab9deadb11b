/**
 * A decorator over a chain of generators: when one fails before sending any text, with an
 * error that says the endpoint is unavailable, busy or broken, the next one is asked.
 * @module
 */
import { isMarkwerkError, MarkwerkError } from '../../core/errors.js';
import type {
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
  GeneratorInfo,
} from './generator.js';
import type { ResilienceEvent } from './resilient-endpoints.js';
import { warrantsFallback } from './resilient-errors.js';

export interface FallbackGeneratorOptions {
  /** Names for messages and events, one per generator (model names); defaults to `#1`, `#2`. */
  names?: string[];
  onEvent?: (event: ResilienceEvent) => void;
}

/**
 * Asks `generators` in order. The next one is tried only when the current one failed before
 * yielding any event and the error warrants it (retryable, `ENDPOINT_UNAVAILABLE` including an
 * open circuit, `RATE_LIMITED`, `GENERATION_TIMEOUT`). Once text has been yielded, a failure
 * surfaces. A result from a later generator names the ones that failed in `fallbackFrom`.
 * `info()` describes the first generator that answers it.
 */
export function fallbackGenerator(
  generators: Generator[],
  options: FallbackGeneratorOptions = {},
): Generator {
  const first = generators[0];
  if (!first) {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      'A fallback chain needs at least one generator; list the models to try in order.',
    );
  }
  const nameOf = (index: number) => options.names?.[index] ?? `#${index + 1}`;
  const onEvent = options.onEvent ?? (() => undefined);

  /** Decides after a failure of generator `index`: rethrow, or note it and go on. */
  function afterFailure(
    error: unknown,
    index: number,
    request: GenerationRequest,
    failures: Failure[],
  ): void {
    const last = index === generators.length - 1;
    if (request.signal?.aborted || !warrantsFallback(error)) throw error;
    failures.push({ name: nameOf(index), error });
    if (last) throw exhausted(failures);
    onEvent({
      type: 'fallback-used',
      from: nameOf(index),
      to: nameOf(index + 1),
      ...(isMarkwerkError(error) ? { code: error.code } : {}),
    });
  }

  async function* stream(request: GenerationRequest): AsyncGenerator<GenerationEvent> {
    const failures: Failure[] = [];
    for (const [index, generator] of generators.entries()) {
      let yielded = false;
      try {
        for await (const event of generator.stream(request)) {
          yielded = true;
          yield event.type === 'finish'
            ? { type: 'finish', result: marked(event.result, failures) }
            : event;
        }
        return;
      } catch (error) {
        if (yielded) throw error;
        afterFailure(error, index, request, failures);
      }
    }
  }

  async function generate(request: GenerationRequest): Promise<GenerationResult> {
    const failures: Failure[] = [];
    for (const [index, generator] of generators.entries()) {
      try {
        return marked(await generator.generate(request), failures);
      } catch (error) {
        afterFailure(error, index, request, failures);
      }
    }
    throw exhausted(failures);
  }

  async function close(): Promise<void> {
    await Promise.all(generators.map((generator) => generator.close?.()));
  }

  /** The first generator that can describe itself: a server that is down cannot. */
  async function info(): Promise<GeneratorInfo> {
    let failure: unknown;
    for (const generator of generators) {
      try {
        return await generator.info();
      } catch (error) {
        failure ??= error;
      }
    }
    throw failure;
  }

  return { info, stream, generate, close };
}

function marked(result: GenerationResult, failures: Failure[]): GenerationResult {
  if (failures.length === 0) return result;
  return { ...result, fallbackFrom: failures.map((failure) => failure.name) };
}

interface Failure {
  name: string;
  error: unknown;
}

/** Every generator failed: keep the last error's code and facts, and name each failure. */
function exhausted(failures: Failure[]): unknown {
  const last = failures.at(-1)?.error;
  if (failures.length === 1 || !isMarkwerkError(last)) return last;
  const each = failures.map(({ name, error }) => `${name}: ${describe(error)}`).join('; ');
  return new MarkwerkError(
    last.code,
    `All ${failures.length} generators in the fallback chain failed (${each}).`,
    {
      details: {
        ...last.details,
        failures: failures.map(({ name, error }) => ({
          name,
          code: isMarkwerkError(error) ? error.code : undefined,
        })),
      },
      cause: last,
    },
  );
}

function describe(error: unknown): string {
  if (isMarkwerkError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
