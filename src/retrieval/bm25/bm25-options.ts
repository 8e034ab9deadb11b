/**
 * Settings of the BM25 index, their defaults and their validation.
 * @module
 */

import { MarkwerkError } from '../../core/errors.js';
import type { AnalyzerOptions } from '../analysis/create-analyzer.js';

/**
 * How a term frequency is normalised by length.
 * - `per-field`: BM25F, each field against its own average length. Default.
 * - `document`: one length for the whole chunk (title + body), as one flat field.
 */
export type LengthNormalisation = 'document' | 'per-field';

/** Settings of a {@link Bm25Index}; every field has a measured default. */
export interface Bm25Options {
  /** Term frequency saturation. Default 1.2 (tuned on SciFact train; Anserini uses 0.9). */
  k1?: number;
  /** Strength of length normalisation, 0 to 1. Default 0.6 (tuned; Anserini uses 0.4). */
  b?: number;
  /** Multipliers of a term's frequency in each field. Default title 3, body 1. */
  fieldWeights?: { title: number; body: number };
  lengthNormalisation?: LengthNormalisation;
  analyzer?: AnalyzerOptions;
}

export type ResolvedBm25Options = Required<Omit<Bm25Options, 'analyzer'>> & {
  analyzer: AnalyzerOptions;
};

/** Fills in defaults and rejects values that would make scores meaningless. */
export function resolveBm25Options(options: Bm25Options = {}): ResolvedBm25Options {
  const resolved: ResolvedBm25Options = {
    k1: options.k1 ?? 1.2,
    b: options.b ?? 0.6,
    fieldWeights: { ...(options.fieldWeights ?? { title: 3, body: 1 }) },
    lengthNormalisation: options.lengthNormalisation ?? 'per-field',
    analyzer: { ...options.analyzer },
  };
  const { k1, b, fieldWeights } = resolved;

  if (!(k1 >= 0 && Number.isFinite(k1))) invalid('k1', k1, 'a finite number >= 0, such as 0.9');
  if (!(b >= 0 && b <= 1)) invalid('b', b, 'a number from 0 to 1, such as 0.4');
  for (const [field, weight] of Object.entries(fieldWeights)) {
    if (!(weight >= 0 && Number.isFinite(weight))) {
      invalid(`fieldWeights.${field}`, weight, 'a finite number >= 0');
    }
  }
  if (resolved.lengthNormalisation !== 'document' && resolved.lengthNormalisation !== 'per-field') {
    invalid('lengthNormalisation', resolved.lengthNormalisation, "'document' or 'per-field'");
  }
  return resolved;
}

function invalid(key: string, value: unknown, expected: string): never {
  throw new MarkwerkError(
    'CONFIG_INVALID',
    `BM25 option ${key} is ${String(value)}; set it to ${expected}.`,
    { details: { key, value } },
  );
}
