import { MarkwerkError, UsageError } from '../core/errors.js';
import type { Citation } from '../models/generators/generator.js';
import type { CompositionPlan, PlanPassage, PlanSlot } from '../models/generators/offline-plan.js';
import type { GenerationInput, RetrievedFact } from './generation-input.js';
import type { PromptTemplate, TemplateSlot } from './template-schema.js';

/**
 * Fills a template's slots from the input and the retrieved facts into a plan for the
 * offline composer. Facts in another language than the request are left out.
 */
export function buildPlan(
  template: PromptTemplate,
  input: GenerationInput,
  retrieved: RetrievedFact[],
): CompositionPlan {
  const { language } = input;
  if (!template.languages.includes(language)) {
    throw new UsageError(
      `Template ${template.id}@${template.version} writes ${template.languages.join(', ')}, ` +
        `not ${language}.`,
      { template: template.id, language },
    );
  }
  const channel = input.channel ?? template.defaultChannel;
  const limits = template.channels[channel];
  if (!limits) {
    const known = Object.keys(template.channels).join(', ');
    throw new UsageError(
      `Use case ${template.useCase} has no channel "${channel}"; use ${known}.`,
      {
        channel,
      },
    );
  }

  const facts = retrieved.filter((fact) => !fact.language || fact.language === language);
  const slots: Record<string, PlanSlot> = {};
  const passages: PlanPassage[] = [];
  const terms: string[] = [];
  for (const slot of template.slots) {
    if (slot.source === 'retrieved') {
      if (slot.required && facts.length === 0) throw missing(template, slot, 'retrieved facts');
      for (const fact of facts) {
        const citation: Citation = { source: 'retrieved', id: fact.id };
        passages.push({ text: fact.text, citation, kind: 'retrieved' });
      }
      continue;
    }
    const filled = fillSlot(slot, input);
    if (!filled) {
      if (slot.required) throw missing(template, slot, describeField(slot, language));
      continue;
    }
    slots[slot.name] = filled;
    if (slot.extract && typeof filled.value === 'string' && filled.citations[0]) {
      passages.push({ text: filled.value, citation: filled.citations[0], kind: 'record' });
    } else {
      terms.push(...(Array.isArray(filled.value) ? filled.value : [filled.value]));
    }
  }

  return {
    useCase: template.useCase,
    language,
    channel,
    template: { id: template.id, version: template.version },
    maxCharacters: limits.maxCharacters,
    slots,
    lead: template.offline.lead[language] ?? [],
    passages: orderRecordsFirst(passages),
    maxExtracts: template.offline.maxExtracts,
    minOverlap: template.offline.minOverlap,
    terms: [...terms, ...(input.terms ?? [])],
    fallback: template.offline.fallback[language] ?? '',
  };
}

function fillSlot(slot: TemplateSlot, input: GenerationInput): PlanSlot | undefined {
  const field = slot.field?.replaceAll('{lang}', input.language) ?? '';
  let raw: string | number | null | undefined;
  let citation: Citation;
  if (slot.source === 'feed') {
    if (!input.product) return undefined;
    raw = input.product.fields[field];
    citation = { source: 'feed', id: input.product.id, field };
  } else {
    raw = field === 'question' ? input.question : input.values?.[field];
    citation = { source: 'request', id: field, field };
  }
  if (raw === null || raw === undefined || String(raw).trim() === '') return undefined;

  const text = String(raw).trim();
  const value = slot.split
    ? text
        .split(slot.split)
        .map((part) => part.trim())
        .filter(Boolean)
    : text;
  return { value, citations: [citation] };
}

/** Record text (the product's own description) before retrieved facts, each in input order. */
function orderRecordsFirst(passages: PlanPassage[]): PlanPassage[] {
  return [
    ...passages.filter((passage) => passage.kind === 'record'),
    ...passages.filter((passage) => passage.kind === 'retrieved'),
  ];
}

function describeField(slot: TemplateSlot, language: string): string {
  const field = slot.field?.replaceAll('{lang}', language);
  return slot.source === 'feed' ? `product field "${field}"` : `request value "${field}"`;
}

function missing(template: PromptTemplate, slot: TemplateSlot, what: string): MarkwerkError {
  return new MarkwerkError(
    'INPUT_MALFORMED',
    `Template ${template.id}@${template.version} needs ${what} for slot "${slot.name}"; ` +
      'add it to the input.',
    { details: { template: template.id, version: template.version, slot: slot.name } },
  );
}
