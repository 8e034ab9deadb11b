/**
 * The BM25 formula: Lucene's idf, weighted field frequencies, length normalisation and
 * saturation, and the split of a term's score into per-field contributions.
 * @module
 */

import type { ResolvedBm25Options } from './bm25-options.js';

/** One line of {@link Bm25Index.explain}: what a query term earns in one field. */
export interface TermContribution {
  term: string;
  field: 'title' | 'body';
  /** Occurrences of the term in the field. */
  tf: number;
  /** ln(1 + (N − df + 0.5) / (df + 0.5)), times the term's count in the query. */
  idf: number;
  /** This field's share of the term's score. */
  contribution: number;
}

/** Collection statistics at the moment of a query. */
export interface CollectionStatistics {
  documentCount: number;
  averageTitleLength: number;
  averageBodyLength: number;
  titleLengths: readonly number[];
  bodyLengths: readonly number[];
}

/** Computes BM25 parts for one query against fixed collection statistics. */
export class Bm25Scorer {
  private readonly k1: number;
  private readonly b: number;
  private readonly titleWeight: number;
  private readonly bodyWeight: number;
  private readonly perField: boolean;

  constructor(
    options: ResolvedBm25Options,
    private readonly statistics: CollectionStatistics,
  ) {
    this.k1 = options.k1;
    this.b = options.b;
    this.titleWeight = options.fieldWeights.title;
    this.bodyWeight = options.fieldWeights.body;
    this.perField = options.lengthNormalisation === 'per-field';
  }

  idf(documentFrequency: number): number {
    const { documentCount } = this.statistics;
    return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  /** The length-normalised, field-weighted term frequency of one chunk. */
  weightedFrequency(slot: number, titleFrequency: number, bodyFrequency: number): number {
    const [title, body] = this.fieldParts(slot, titleFrequency, bodyFrequency);
    return title + body;
  }

  /** BM25 saturation with the classic (k1 + 1) numerator. */
  saturate(weightedFrequency: number): number {
    return ((this.k1 + 1) * weightedFrequency) / (this.k1 + weightedFrequency);
  }

  /** A term's score in one chunk, split between the fields in proportion to their parts. */
  explainTerm(
    term: string,
    queryCount: number,
    documentFrequency: number,
    slot: number,
    [titleFrequency, bodyFrequency]: [number, number],
  ): TermContribution[] {
    const idf = this.idf(documentFrequency) * queryCount;
    const [title, body] = this.fieldParts(slot, titleFrequency, bodyFrequency);
    const total = idf * this.saturate(title + body);
    const result: TermContribution[] = [];
    if (titleFrequency > 0 && title + body > 0) {
      const contribution = (total * title) / (title + body);
      result.push({ term, field: 'title', tf: titleFrequency, idf, contribution });
    }
    if (bodyFrequency > 0 && title + body > 0) {
      const contribution = (total * body) / (title + body);
      result.push({ term, field: 'body', tf: bodyFrequency, idf, contribution });
    }
    return result;
  }

  private fieldParts(slot: number, titleFrequency: number, bodyFrequency: number) {
    const { averageTitleLength, averageBodyLength, titleLengths, bodyLengths } = this.statistics;
    const titleLength = titleLengths[slot] ?? 0;
    const bodyLength = bodyLengths[slot] ?? 0;
    const title = this.titleWeight * titleFrequency;
    const body = this.bodyWeight * bodyFrequency;

    if (!this.perField) {
      const norm = this.norm(titleLength + bodyLength, averageTitleLength + averageBodyLength);
      return [title / norm, body / norm] as const;
    }
    return [
      title / this.norm(titleLength, averageTitleLength),
      body / this.norm(bodyLength, averageBodyLength),
    ] as const;
  }

  private norm(length: number, averageLength: number): number {
    if (averageLength <= 0) return 1;
    return 1 - this.b + (this.b * length) / averageLength;
  }
}
