/**
 * The main job end to end for one request: retrieve facts, generate on any generator (the
 * offline composer or a model), add the disclaimer the brand policy requires, and run the
 * output guard. A blocked text is never returned as a result.
 * @module
 */
import { MarkwerkError } from '../core/errors.js';
import type { GenerationInput, RetrievedFact } from '../generation/generation-input.js';
import { streamText } from '../generation/generate-text.js';
import type { ProfileSet } from '../generation/parameter-profile.js';
import type { TemplateSet } from '../generation/template-set.js';
import type { GuardCitation } from '../guard/engine/detector.js';
import type { GuardEngine, GuardScanResult } from '../guard/engine/create-guard-engine.js';
import type {
  GenerationResult,
  GenerationTags,
  Generator,
} from '../models/generators/generator.js';

export interface GroundedGenerationOptions {
  useCase: string;
  input: GenerationInput;
  generator: Generator;
  templates: TemplateSet;
  profiles: ProfileSet;
  /** Finds facts for a query in the request's language; no retrieval when absent. */
  retrieve?: (query: string, language: 'de' | 'en') => Promise<RetrievedFact[]>;
  /** The disclaimer the policy requires for a product category and channel, if any. */
  requiredDisclaimer?: (
    category: string,
    channel: string,
    language: 'de' | 'en',
  ) => string | undefined;
  /** Runs on the finished text; without it the output is not checked. */
  guard?: GuardEngine;
  /** Market for approved claims (ISO 3166), e.g. `DE`. */
  market?: string;
  tags?: GenerationTags;
  /** Return a blocked text with its verdict instead of throwing (evaluation only). */
  returnBlocked?: boolean;
  /** Receives text as it streams; a blocked text has been shown by then, never returned. */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface GroundedGeneration {
  result: GenerationResult;
  retrieved: RetrievedFact[];
  /** Ids of facts left out because the input guard found instructions in them. */
  droppedFacts: string[];
  /** The disclaimer appended to the text, if the policy required one the text lacked. */
  disclaimer?: string;
  guard?: GuardScanResult;
}

/** Use cases whose copy carries the policy's disclaimer; short formats are flagged instead. */
const disclaimerUseCases = new Set(['product-description', 'answer']);

export async function generateGrounded(
  options: GroundedGenerationOptions,
): Promise<GroundedGeneration> {
  const query = retrievalQuery(options.input);
  const found =
    options.retrieve && query ? await options.retrieve(query, options.input.language) : [];
  const screened = options.guard
    ? await screenInputs(options.guard, options.input, found)
    : { input: options.input, retrieved: found, droppedFacts: [] };
  const { input, retrieved } = screened;

  let result: GenerationResult | undefined;
  for await (const event of streamText({
    generator: options.generator,
    templates: options.templates,
    profiles: options.profiles,
    useCase: options.useCase,
    input,
    retrieved,
    ...(options.tags ? { tags: options.tags } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    if (event.type === 'text-delta') options.onDelta?.(event.text);
    else result = event.result;
  }
  if (!result) {
    throw new MarkwerkError('STREAM_BROKEN', 'The generator ended without a result; retry.');
  }

  const category = productField(input, 'category');
  const channel = input.channel ?? options.templates.get(options.useCase).defaultChannel;
  const disclaimer =
    category && disclaimerUseCases.has(options.useCase)
      ? options.requiredDisclaimer?.(category, channel, input.language)
      : undefined;
  const withDisclaimer = disclaimer && !result.text.includes(disclaimer);
  if (withDisclaimer) result = appendDisclaimer(result, disclaimer);

  const guard = await options.guard?.scanText(result.text, {
    lang: input.language,
    direction: 'out',
    source: 'generated',
    channel,
    citations: [
      ...citationsOf(input, retrieved),
      ...(withDisclaimer ? [{ id: 'brand-policy', text: disclaimer }] : []),
    ],
    ...(category ? { category } : {}),
    ...(options.market ? { market: options.market } : {}),
  });
  if (guard?.verdict === 'block' && !options.returnBlocked) {
    const blocking = guard.findings.filter((finding) => finding.action === 'block');
    throw new MarkwerkError(
      'GUARD_BLOCKED',
      `The output guard blocked the text: ${blocking.map(describeFinding).join('; ')}. ` +
        'Nothing was stored. Change the input or the model, or review the policy.',
      { details: { scanId: guard.scanId, findings: blocking } },
    );
  }

  return {
    result,
    retrieved,
    droppedFacts: screened.droppedFacts,
    ...(withDisclaimer ? { disclaimer } : {}),
    ...(guard ? { guard } : {}),
  };
}

/**
 * The input guard: a question it blocks stops the request; a fact with instructions in it
 * (prompt injection in retrieved or given text) is left out, so it never reaches a prompt.
 */
async function screenInputs(
  guard: GuardEngine,
  input: GenerationInput,
  retrieved: RetrievedFact[],
): Promise<{ input: GenerationInput; retrieved: RetrievedFact[]; droppedFacts: string[] }> {
  const lang = input.language;
  if (input.question) {
    const scan = await guard.scanText(input.question, { lang, direction: 'in', source: 'user' });
    if (scan.verdict === 'block') {
      const blocking = scan.findings.filter((finding) => finding.action === 'block');
      throw new MarkwerkError(
        'GUARD_BLOCKED',
        `The input guard blocked the question: ${blocking.map(describeFinding).join('; ')}. ` +
          'Rephrase it without instructions to the model.',
        { details: { scanId: scan.scanId, findings: blocking } },
      );
    }
  }

  const droppedFacts: string[] = [];
  const isSafe = async (fact: RetrievedFact): Promise<boolean> => {
    const scan = await guard.scanText(fact.text, { lang, direction: 'in', source: 'retrieved' });
    const injected = scan.findings.some((finding) => finding.type === 'PROMPT_INJECTION');
    if (injected || scan.verdict === 'block') droppedFacts.push(fact.id);
    return !injected && scan.verdict !== 'block';
  };
  const keep = async (facts: RetrievedFact[]): Promise<RetrievedFact[]> => {
    const verdicts = await Promise.all(facts.map(isSafe));
    return facts.filter((_, index) => verdicts[index]);
  };

  const given = input.facts ? await keep(input.facts) : undefined;
  return {
    input: given ? { ...input, facts: given } : input,
    retrieved: await keep(retrieved),
    droppedFacts,
  };
}

/** The question, or the product's name and the campaign terms. */
function retrievalQuery(input: GenerationInput): string | undefined {
  if (input.question) return input.question;
  const name = productField(input, `name_${input.language}`) ?? productField(input, 'name');
  const parts = [name, ...(input.terms ?? [])].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function productField(input: GenerationInput, field: string): string | undefined {
  const value = input.product?.fields[field];
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

/** What the output may rest on: every retrieved chunk and the product record's own fields. */
function citationsOf(input: GenerationInput, retrieved: RetrievedFact[]): GuardCitation[] {
  const citations = [...(input.facts ?? []), ...retrieved].map((fact) => ({
    id: fact.id,
    text: fact.text,
  }));
  if (input.product) citations.push({ id: input.product.id, text: productText(input) });
  return citations;
}

/**
 * The product record as one passage: name and features as one sentence, as product copy
 * opens, then every other field on its own line.
 */
function productText(input: GenerationInput): string {
  const fields = { ...input.product?.fields };
  const lang = input.language;
  const take = (key: string): string | undefined => {
    const value = fields[key];
    delete fields[key];
    return value === null || value === undefined || value === '' ? undefined : String(value);
  };
  const name = take(`name_${lang}`) ?? take('name');
  const features = take(`features_${lang}`) ?? take('features');
  const lead = [name, features].filter(Boolean).join(': ');
  const rest = Object.values(fields).filter((value) => value !== null && value !== '');
  return [lead ? `${lead}.` : '', ...rest.map(String)].filter(Boolean).join('\n');
}

function appendDisclaimer(result: GenerationResult, disclaimer: string): GenerationResult {
  const sentence = {
    text: disclaimer,
    citations: [{ source: 'request' as const, id: 'brand-policy', field: 'disclaimers' }],
  };
  return {
    ...result,
    text: `${result.text.trimEnd()}\n\n${disclaimer}`,
    ...(result.sentences ? { sentences: [...result.sentences, sentence] } : {}),
  };
}

function describeFinding(finding: { type: string; rule: string; text: string }): string {
  return `${finding.type} (${finding.rule}) "${finding.text}"`;
}
