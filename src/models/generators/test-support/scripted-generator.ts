/**
 * An in-memory generator that plays a script, one step per call: fail before any event,
 * stream some deltas and finish, stream some deltas and then break, or hang until aborted.
 * It counts calls and how many run at once, for the resilience tests.
 * @module
 */
import {
  collectStream,
  type GenerationEvent,
  type GenerationRequest,
  type GenerationResult,
  type Generator,
  type GeneratorInfo,
  type TokenUsage,
} from '../generator.js';

export type ScriptStep =
  /** Throws before yielding anything. */
  | { fail: Error }
  /** Yields the deltas, then either finishes or throws `breakWith`. */
  | { deltas: string[]; breakWith?: Error; usage?: TokenUsage }
  /** Yields nothing until the request is aborted, then throws the abort reason. */
  | { hang: true };

export interface ScriptedGeneratorOptions {
  model?: string;
  provider?: string;
  /** Each call waits for this before doing its step, so tests can hold calls in flight. */
  gate?: () => Promise<void>;
}

export class ScriptedGenerator implements Generator {
  calls = 0;
  active = 0;
  maxActive = 0;
  readonly requests: GenerationRequest[] = [];
  private readonly steps: ScriptStep[];

  /** Steps run in order; once they run out, the last one repeats. */
  constructor(
    steps: ScriptStep[],
    private readonly options: ScriptedGeneratorOptions = {},
  ) {
    if (steps.length === 0) throw new Error('a script needs at least one step');
    this.steps = [...steps];
  }

  info(): Promise<GeneratorInfo> {
    return Promise.resolve({ provider: this.provider, model: this.model, revision: 'r1' });
  }

  async *stream(request: GenerationRequest): AsyncGenerator<GenerationEvent> {
    const step = this.steps.length > 1 ? this.steps.shift()! : this.steps[0]!;
    this.calls++;
    this.requests.push(request);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.options.gate) await this.options.gate();
      if ('fail' in step) throw step.fail;
      if ('hang' in step) {
        await untilAborted(request.signal);
        throw request.signal?.reason;
      }
      const started = Date.now();
      for (const text of step.deltas) yield { type: 'text-delta', text };
      if (step.breakWith) throw step.breakWith;
      yield { type: 'finish', result: this.result(step.deltas.join(''), started, step.usage) };
    } finally {
      this.active--;
    }
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    return collectStream(this.stream(request));
  }

  private get model(): string {
    return this.options.model ?? 'scripted-model';
  }

  private get provider(): string {
    return this.options.provider ?? 'scripted';
  }

  private result(text: string, started: number, usage?: TokenUsage): GenerationResult {
    const elapsed = Date.now() - started;
    return {
      text,
      finishReason: 'stop',
      usage: usage ?? { inputTokens: 0, outputTokens: 0, source: 'estimate' },
      timings: { timeToFirstTokenMs: elapsed, totalMs: elapsed },
      model: this.model,
      provider: this.provider,
    };
  }
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
