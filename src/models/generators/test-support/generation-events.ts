import { expect } from 'vitest';
import { MarkwerkError } from '../../../core/errors.js';
import type { GenerationEvent, GenerationResult } from '../generator.js';

/** Runs a stream to its end, keeping every event, and the error if it failed. */
export async function drainStream(
  events: AsyncIterable<GenerationEvent>,
): Promise<{ events: GenerationEvent[]; deltas: string[]; error?: unknown }> {
  const seen: GenerationEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
  } catch (error) {
    return { events: seen, deltas: deltasOf(seen), error };
  }
  return { events: seen, deltas: deltasOf(seen) };
}

/** The result of the stream's finish event; fails the test when there is none. */
export function finishOf(events: GenerationEvent[]): GenerationResult {
  const last = events.at(-1);
  if (last?.type !== 'finish') throw new Error('the stream ended without a finish event');
  return last.result;
}

/** Asserts that a value is a MarkwerkError with this code and returns it. */
export function expectMarkwerkError(error: unknown, code: string): MarkwerkError {
  expect(error).toBeInstanceOf(MarkwerkError);
  const failure = error as MarkwerkError;
  expect(failure.code, failure.message).toBe(code);
  return failure;
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}

function deltasOf(events: GenerationEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
}
