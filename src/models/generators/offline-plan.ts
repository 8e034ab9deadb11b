/**
 * The data the offline composer works from: a composition plan built from a template, the
 * request's structured data and retrieved facts. `composeRequest` in `src/generation/` builds
 * it; the composer only executes it, so it needs no knowledge of template files.
 * @module
 */
import type { Citation, GenerationRequest, TemplateReference } from './generator.js';

/** A slot value ready for phrasing, with the sources it came from. */
export interface PlanSlot {
  /** A text, or a list (feed fields such as features split at `;`). */
  value: string | string[];
  citations: Citation[];
}

/** A block of source text whose sentences may be extracted. */
export interface PlanPassage {
  text: string;
  citation: Citation;
  /**
   * `record` text describes the product itself and needs no term overlap to be used;
   * `retrieved` text is used only when it shares terms with the request.
   */
  kind: 'record' | 'retrieved';
}

export interface CompositionPlan {
  useCase: string;
  language: string;
  channel: string;
  /** Absent for plans read from plain messages. */
  template?: TemplateReference;
  /** Hard limit on the composed text, in UTF-16 code units (JavaScript string length). */
  maxCharacters: number;
  slots: Record<string, PlanSlot>;
  /**
   * Jinja patterns for the opening sentence, tried in order: the first whose slots are all
   * filled and whose text fits wins; when none fits, the first fillable one is cut.
   */
  lead: string[];
  /** Candidate passages in priority order (record text first, then retrieval rank). */
  passages: PlanPassage[];
  /** Most extracted sentences after the lead. */
  maxExtracts: number;
  /** Fewest request terms a retrieved sentence must share to be used. */
  minOverlap: number;
  /** Request and product terms that extracted sentences are scored against. */
  terms: string[];
  /** Fixed sentence used when nothing could be composed (no citation, states no fact). */
  fallback: string;
}

/**
 * A generation request that also carries a composition plan for the offline composer. The
 * template it came from is in `tags.template`, as for every generator.
 */
export interface ComposerRequest extends GenerationRequest {
  composition?: CompositionPlan;
}
