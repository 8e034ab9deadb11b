import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GenerationEvent,
  GenerationRequest,
  GenerationResult,
  Generator,
} from '../generator.js';

export interface GeneratorContractOptions {
  /** A prompt the generator answers with several words. */
  prompt?: string;
  /** Chat messages the generator answers with several words. */
  messages?: GenerationRequest['messages'];
  /**
   * Whether equal requests (greedy, or sampled with a seed) give equal text. Adapters that
   * cannot promise it skip the checks that compare texts. Default true.
   */
  deterministic?: boolean;
}

const FINISH_REASONS = ['stop', 'length', 'stop_sequence', 'error', 'unknown'];

/**
 * The Generator port's shared behaviour, run against every adapter: a stream of non-empty
 * text deltas followed by exactly one `finish` event whose text is their concatenation;
 * `generate` returning the same text as the stream; usage and timings filled in; chat
 * messages and plain prompts both answered; `maxNewTokens`, `stop` and `seed` honoured;
 * concurrent requests kept apart; an AbortSignal stopping a request before or during the
 * stream with an `INTERRUPTED` MarkwerkError or an `AbortError`, and no finish event after.
 * Behaviours that need a particular server (errors, dropped connections) belong in the
 * adapter's own tests.
 */
export function describeGeneratorContract(
  name: string,
  create: () => Promise<Generator>,
  options: GeneratorContractOptions = {},
): void {
  const prompt = options.prompt ?? 'Write a short line about our spring sale on garden tools';
  const messages = options.messages ?? [
    { role: 'system' as const, content: 'You write short marketing lines.' },
    { role: 'user' as const, content: 'Announce free shipping on orders over fifty euros' },
  ];
  const deterministic = options.deterministic ?? true;
  const greedy = { temperature: 0, seed: 7, maxNewTokens: 24 };

  describe(`${name} — Generator contract`, () => {
    let generator: Generator;
    beforeAll(async () => {
      generator = await create();
    });
    afterAll(async () => {
      await generator?.close?.();
    });

    it('names its provider and model', async () => {
      const info = await generator.info();
      expect(info.provider.length).toBeGreaterThan(0);
      expect(info.model.length).toBeGreaterThan(0);
    });

    it('streams non-empty deltas, then exactly one finish event that ends the stream', async () => {
      const events = await collect(generator.stream({ prompt, parameters: greedy }));
      const finishes = events.filter((event) => event.type === 'finish');
      expect(finishes).toHaveLength(1);
      expect(events.at(-1)?.type).toBe('finish');
      const deltas = textDeltas(events);
      expect(deltas.length).toBeGreaterThan(0);
      expect(deltas.every((delta) => delta.length > 0)).toBe(true);
      expect(finalResult(events).text).toBe(deltas.join(''));
    });

    it('fills in usage, timings, finish reason, model and provider', async () => {
      const result = finalResult(await collect(generator.stream({ messages, parameters: greedy })));
      expect(result.text.length).toBeGreaterThan(0);
      expect(FINISH_REASONS).toContain(result.finishReason);
      expect(Number.isInteger(result.usage.inputTokens)).toBe(true);
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(Number.isInteger(result.usage.outputTokens)).toBe(true);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(['server', 'tokenizer', 'estimate']).toContain(result.usage.source);
      expect(result.timings.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
      expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.timeToFirstTokenMs);
      expect(result.model.length).toBeGreaterThan(0);
      expect(result.provider.length).toBeGreaterThan(0);
    });

    it.runIf(deterministic)('generate returns the text the stream delivers', async () => {
      for (const request of [{ prompt }, { messages }]) {
        const streamed = finalResult(
          await collect(generator.stream({ ...request, parameters: greedy })),
        );
        const generated = await generator.generate({ ...request, parameters: greedy });
        expect(generated.text).toBe(streamed.text);
        expect(generated.finishReason).toBe(streamed.finishReason);
        expect(generated.usage.outputTokens).toBe(streamed.usage.outputTokens);
      }
    });

    it('honours maxNewTokens: a short limit gives a prefix of the longer answer', async () => {
      const full = await generator.generate({ prompt, parameters: greedy });
      const short = await generator.generate({
        prompt,
        parameters: { ...greedy, maxNewTokens: 2 },
      });
      expect(short.finishReason).toBe('length');
      expect(short.usage.outputTokens).toBeLessThanOrEqual(2);
      if (deterministic) expect(full.text.startsWith(short.text)).toBe(true);
      expect(short.text.length).toBeLessThan(full.text.length);
    });

    it.runIf(deterministic)(
      'honours stop: the answer ends at the first stop sequence',
      async () => {
        const full = await generator.generate({ prompt, parameters: greedy });
        const stop = stopSequenceIn(full.text);
        const stopped = await generator.generate({
          prompt,
          parameters: { ...greedy, stop: [stop] },
        });
        const cut = full.text.indexOf(stop);
        // Servers differ: TGI keeps the stop sequence in the text, OpenAI-style servers cut it.
        expect(full.text.startsWith(stopped.text)).toBe(true);
        expect(stopped.text.length).toBeGreaterThanOrEqual(cut);
        expect(stopped.text.length).toBeLessThanOrEqual(cut + stop.length);
        expect(['stop', 'stop_sequence']).toContain(stopped.finishReason);
      },
    );

    it.runIf(deterministic)('gives equal text for equal seeds when sampling', async () => {
      const parameters = { temperature: 0.8, topP: 0.9, seed: 1234, maxNewTokens: 16 };
      const first = await generator.generate({ prompt, parameters });
      const second = await generator.generate({ prompt, parameters });
      expect(second.text).toBe(first.text);
    });

    it('keeps concurrent requests apart', async () => {
      const requests = [{ prompt }, { messages }, { prompt: `${prompt} today` }];
      const alone = [];
      for (const request of requests) {
        alone.push(await generator.generate({ ...request, parameters: greedy }));
      }
      const together = await Promise.all(
        requests.map((request) => collect(generator.stream({ ...request, parameters: greedy }))),
      );
      for (const [index, events] of together.entries()) {
        expect(finalResult(events).text).toBe(textDeltas(events).join(''));
        if (deterministic) expect(finalResult(events).text).toBe(alone[index]!.text);
      }
    });

    it('rejects a request whose signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const request = { prompt, parameters: greedy, signal: controller.signal };
      await expectAborted(collect(generator.stream(request)));
      await expectAborted(generator.generate(request));
    });

    it('stops a stream when its signal is aborted after the first delta', async () => {
      const controller = new AbortController();
      const seen: GenerationEvent[] = [];
      const run = async () => {
        const request = { prompt, parameters: greedy, signal: controller.signal };
        for await (const event of generator.stream(request)) {
          seen.push(event);
          if (event.type === 'text-delta') controller.abort();
        }
      };
      await expectAborted(run());
      expect(seen.filter((event) => event.type === 'finish')).toHaveLength(0);
    });
  });
}

async function collect(events: AsyncIterable<GenerationEvent>): Promise<GenerationEvent[]> {
  const seen: GenerationEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

function textDeltas(events: GenerationEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []));
}

function finalResult(events: GenerationEvent[]): GenerationResult {
  const last = events.at(-1);
  if (last?.type !== 'finish') throw new Error('the stream did not end with a finish event');
  return last.result;
}

/** A stop sequence from the middle of a text: a whole word (with its space) past a third. */
function stopSequenceIn(text: string): string {
  const from = text.indexOf(' ', Math.floor(text.length / 3));
  expect(from, `answer too short to pick a stop sequence: ${text}`).toBeGreaterThan(0);
  const next = text.indexOf(' ', from + 1);
  const piece = text.slice(from, next < 0 ? text.length : next);
  expect(piece.trim().length).toBeGreaterThan(0);
  return piece;
}

async function expectAborted(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, 'the aborted request did not fail').toBeDefined();
  const { code, name } = error as { code?: string; name?: string };
  expect(code === 'INTERRUPTED' || name === 'AbortError').toBe(true);
}
