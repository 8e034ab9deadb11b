/**
 * Reads the `data` of Server-Sent Events from a response body with eventsource-parser, which
 * accepts `data:` with or without the space, joins lines split across network chunks and
 * skips comment lines. Bytes are decoded as a stream, so a character cut between two chunks
 * arrives whole.
 * @module
 */
import { createParser } from 'eventsource-parser';
import { streamBrokenError } from './http-errors.js';
import type { OpenExchange } from './http-request.js';

/**
 * Yields each event's data in order. A connection that fails while reading throws the
 * exchange's mapped error (STREAM_BROKEN, GENERATION_TIMEOUT or INTERRUPTED); the caller
 * decides whether a clean end came too early. Stopping the iteration closes the connection.
 */
export async function* readSseData(exchange: OpenExchange): AsyncGenerator<string> {
  const body = exchange.response.body;
  if (!body) {
    exchange.release();
    throw streamBrokenError(exchange.context, 'the response had no body');
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: string[] = [];
  const parser = createParser({ onEvent: (event) => void pending.push(event.data) });

  try {
    for (;;) {
      const chunk = await reader.read().catch((error: unknown) => {
        throw exchange.fail(error);
      });
      if (chunk.done) break;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      yield* drain(pending, exchange);
    }
    parser.feed(decoder.decode());
    parser.reset({ consume: true });
    yield* drain(pending, exchange);
  } finally {
    exchange.release();
    await reader.cancel().catch(() => undefined);
  }
}

/** Yields the parsed events, unless the request was aborted or timed out meanwhile. */
function* drain(pending: string[], exchange: OpenExchange): Generator<string> {
  for (let index = 0; index < pending.length; index++) {
    if (exchange.signal.aborted) throw exchange.fail(exchange.signal.reason);
    yield pending[index]!;
  }
  pending.length = 0;
}
