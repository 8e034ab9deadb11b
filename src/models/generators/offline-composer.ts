/**
 * The embedded default generator: composes copy from a template's fixed phrasing, structured
 * product data and retrieved facts, without a model or a network. Every sentence carries its
 * sources, and every result is labelled as offline-composed.
 * @module
 */
import { createRequire } from 'node:module';
import { MarkwerkError } from '../../core/errors.js';
import { countTokens } from '../../ingest/process/tokens.js';
import {
  collectStream,
  type GenerationEvent,
  type GenerationRequest,
  type GenerationResult,
  type Generator,
  type GeneratorInfo,
  requestText,
} from './generator.js';
import { compose, joinSentences } from './offline-compose.js';
import { applyStop, limitTokens } from './offline-limits.js';
import type { ComposerRequest } from './offline-plan.js';
import { planFromMessages } from './offline-messages.js';

/** The label on every offline result, and the marker (`[offline composer]`) for people. */
export const offlineLabel = 'offline composer';
export const offlineMarker = `[${offlineLabel}]`;

/** The model id of the composer's card in the model registry. */
export const offlineModel = 'markwerk/offline-composer';

/** The composer ships with Markwerk, so its revision is the package version. */
const packageJson = createRequire(import.meta.url)('../../../package.json') as { version: string };
const offlineRevision = `markwerk@${packageJson.version}`;

export interface OfflineComposerOptions {
  /** Milliseconds clock for timings; `performance.now` by default. */
  now?: () => number;
}

/**
 * A `Generator` (provider `offline`, model `markwerk/offline-composer`) that executes the
 * composition plan `composeRequest` attaches to a request. A request without a plan (plain
 * messages) is composed from the fact blocks in its last user message, or answered with a
 * fixed notice. Same request, same text and citations.
 */
export class OfflineComposer implements Generator {
  readonly #now: () => number;

  constructor(options: OfflineComposerOptions = {}) {
    this.#now = options.now ?? (() => performance.now());
  }

  info(): Promise<GeneratorInfo> {
    return Promise.resolve({ provider: 'offline', model: offlineModel, revision: offlineRevision });
  }

  async *stream(request: GenerationRequest): AsyncIterable<GenerationEvent> {
    const started = this.#now();
    throwIfAborted(request.signal);

    const plan = (request as ComposerRequest).composition ?? planFromMessages(request);
    const parameters = request.parameters ?? {};
    const composed = limitTokens(compose(plan), parameters.maxNewTokens);
    const composition = applyStop(composed, parameters.stop);

    let firstDelta: number | undefined;
    for (const [index, sentence] of composition.sentences.entries()) {
      throwIfAborted(request.signal);
      firstDelta ??= this.#now();
      yield { type: 'text-delta', text: index === 0 ? sentence.text : ` ${sentence.text}` };
    }

    throwIfAborted(request.signal);
    const text = joinSentences(composition.sentences);
    const template = request.tags?.template ?? plan.template;
    const result: GenerationResult = {
      text,
      finishReason: composition.finishReason,
      usage: {
        inputTokens: inputTokens(request),
        outputTokens: countTokens(text),
        source: 'estimate',
      },
      timings: {
        timeToFirstTokenMs: (firstDelta ?? this.#now()) - started,
        totalMs: this.#now() - started,
      },
      model: offlineModel,
      provider: 'offline',
      sentences: composition.sentences,
      label: offlineLabel,
      ...(template ? { template } : {}),
    };
    yield { type: 'finish', result };
  }

  generate(request: GenerationRequest): Promise<GenerationResult> {
    return collectStream(this.stream(request));
  }
}

/** Stops a composition the caller aborted, as the HTTP adapters do (`INTERRUPTED`). */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw new MarkwerkError('INTERRUPTED', 'The offline composition was aborted by the caller.', {
    cause: signal.reason,
  });
}

/** The result's text with the visible `[offline composer]` marker, for people to read. */
export function markedText(result: GenerationResult): string {
  return result.label === offlineLabel ? `${offlineMarker} ${result.text}` : result.text;
}

function inputTokens(request: GenerationRequest): number {
  return countTokens(requestText(request));
}
