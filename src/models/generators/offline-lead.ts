import { Template } from '@huggingface/jinja';
import type { Citation } from './generator.js';
import type { CompositionPlan, PlanSlot } from './offline-plan.js';
import { squeeze } from './offline-text.js';

/** An opening sentence filled from slots, before length limits are applied. */
export interface FilledLead {
  text: string;
  citations: Citation[];
}

const slotReference = /\{\{-?\s*([A-Za-z_]\w*)|\{%-?\s*(?:if|for\s+\w+\s+in)\s+([A-Za-z_]\w*)/g;

/** The slot names a jinja pattern reads in `{{ name… }}` and `{% if/for … name %}`. */
export function slotsUsedBy(pattern: string): string[] {
  const names = new Set<string>();
  for (const match of pattern.matchAll(slotReference)) {
    const name = match[1] ?? match[2];
    if (name && name !== 'loop') names.add(name);
  }
  return [...names];
}

/**
 * Every lead pattern whose slots are all filled, rendered, in template order. A pattern is
 * skipped when a slot it reads is missing or empty, so no sentence holds a hole.
 */
export function fillLeads(plan: CompositionPlan): FilledLead[] {
  const values: Record<string, string | string[]> = {};
  for (const [name, slot] of Object.entries(plan.slots)) values[name] = slot.value;

  const filled: FilledLead[] = [];
  for (const pattern of plan.lead) {
    const used = slotsUsedBy(pattern);
    const slots = used.map((name) => plan.slots[name]);
    if (!slots.every(isFilled)) continue;

    const text = squeeze(compiled(pattern).render(values));
    if (text.length > 0) filled.push({ text, citations: mergeCitations(slots) });
  }
  return filled;
}

function isFilled(slot: PlanSlot | undefined): slot is PlanSlot {
  if (!slot) return false;
  return Array.isArray(slot.value) ? slot.value.length > 0 : slot.value.trim().length > 0;
}

function mergeCitations(slots: PlanSlot[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const citation of slots.flatMap((slot) => slot.citations)) {
    seen.set(`${citation.source}\u0000${citation.id}\u0000${citation.field ?? ''}`, citation);
  }
  return [...seen.values()];
}

const templates = new Map<string, Template>();

function compiled(pattern: string): Template {
  let template = templates.get(pattern);
  if (!template) {
    template = new Template(pattern);
    templates.set(pattern, template);
  }
  return template;
}
