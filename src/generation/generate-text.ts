/**
 * One call from use case to cited result: picks the template and profile, checks the profile
 * against the generator's limits, builds the request and runs it on any generator.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { readStdin } from '../core/read-stdin.js';
import { countTokens } from '../ingest/process/tokens.js';
import {
  collectStream,
  type GenerationEvent,
  type GenerationResult,
  type GenerationTags,
  type Generator,
  requestText,
} from '../models/generators/generator.js';
import type { ComposerRequest } from '../models/generators/offline-plan.js';
import { composeRequest } from './compose-request.js';
import {
  parseGenerationInput,
  type GenerationInput,
  type RetrievedFact,
} from './generation-input.js';
import { profileFor, type ProfileSet } from './parameter-profile.js';
import type { TemplateSet } from './template-set.js';
import { assertValidProfile } from './validate-profile.js';

export interface GenerateTextOptions {
  generator: Generator;
  templates: TemplateSet;
  profiles: ProfileSet;
  useCase: string;
  input: GenerationInput;
  /** Retrieved facts; appended to `input.facts`. */
  retrieved?: RetrievedFact[];
  /** A template version; the newest by default. */
  templateVersion?: number;
  signal?: AbortSignal;
  /** Workspace and dataset version; use case, template and chunk ids are added here. */
  tags?: GenerationTags;
}

/**
 * Builds the request for a use case and checks its profile against the limits the generator
 * reports (throws `PARAMETERS_INVALID` with the fix), without generating.
 */
async function prepareRequest(options: GenerateTextOptions): Promise<ComposerRequest> {
  const template = options.templates.get(options.useCase, options.templateVersion);
  const profile = profileFor(options.profiles, options.useCase);
  const facts = [...(options.input.facts ?? []), ...(options.retrieved ?? [])];
  const request = composeRequest(options.useCase, options.input, facts, template, profile);

  const info = await options.generator.info();
  assertValidProfile(profile, info.limits, { inputTokens: countTokens(requestText(request)) });
  const tags = { ...options.tags, ...request.tags };
  return { ...request, tags, ...(options.signal ? { signal: options.signal } : {}) };
}

/**
 * Streams the use case's text on the given generator; the finish event's result always
 * records the template id and version, whichever provider answered.
 */
export async function* streamText(options: GenerateTextOptions): AsyncIterable<GenerationEvent> {
  const request = await prepareRequest(options);
  const template = request.tags?.template;
  for await (const event of options.generator.stream(request)) {
    if (event.type !== 'finish' || !template) {
      yield event;
      continue;
    }
    yield { type: 'finish', result: { ...event.result, template } };
  }
}

/** Runs `streamText` to the end and returns the final result. */
export function generateText(options: GenerateTextOptions): Promise<GenerationResult> {
  return collectStream(streamText(options));
}

/**
 * Reads and validates the JSON input of `markwerk generate USE_CASE --input FILE`; `-` reads
 * standard input.
 */
export async function readGenerationInput(file: string): Promise<GenerationInput> {
  const name = file === '-' ? 'stdin' : file;
  let source: string;
  try {
    source = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch {
    throw new InputError('cannot read the input file; check the path', { file: name });
  }
  try {
    return parseGenerationInput(JSON.parse(source), name);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new InputError(`not valid JSON (${error.message})`, { file: name });
    throw error;
  }
}
