/**
 * An in-memory Okapi BM25 index over chunk titles and bodies, with incremental updates,
 * per-term explanations and a compact binary form.
 * @module
 */

import { MarkwerkError } from '../../core/errors.js';
import { createAnalyzer, type Analyzer } from '../analysis/create-analyzer.js';
import { analysisLanguage } from '../analysis/language.js';
import type { ChunkFilter, ScoredHit, SearchableChunk } from '../types.js';
import { resolveBm25Options, type Bm25Options, type ResolvedBm25Options } from './bm25-options.js';
import { decodeSnapshot, encodeSnapshot, type Bm25Snapshot } from './bm25-snapshot.js';
import { Bm25Scorer, type TermContribution } from './bm25-scorer.js';
import { PostingList } from './posting-list.js';
import { TopK } from './top-k.js';

/** Options of {@link Bm25Index.search}. */
export interface Bm25SearchOptions {
  /** How many hits at most. */
  k: number;
  /** Language tag of the query; absent means "und" (both English and German stems). */
  language?: string;
  /** Keeps only the chunk ids for which it returns true. */
  filter?: ChunkFilter;
}

export type { TermContribution } from './bm25-scorer.js';

/** Okapi BM25 over the title and body of {@link SearchableChunk}s. */
export class Bm25Index {
  readonly options: ResolvedBm25Options;
  private readonly analyzer: Analyzer;
  private readonly wholeWordAnalyzer: Analyzer;
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: PostingList[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private ids: string[] = [];
  private titleLengths: number[] = [];
  private bodyLengths: number[] = [];
  private documentTerms: (Uint32Array | undefined)[] = [];
  private titleLengthSum = 0;
  private bodyLengthSum = 0;
  private pendingLexicon: Set<string> | undefined;
  private scores = new Float64Array(0);

  constructor(options: Bm25Options = {}) {
    this.options = resolveBm25Options(options);
    const lexicon = { has: (term: string) => this.isKnownTerm(term) };
    this.analyzer = createAnalyzer(this.options.analyzer, lexicon);
    this.wholeWordAnalyzer = createAnalyzer({ ...this.options.analyzer, compounds: 'none' });
  }

  /** Number of chunks in the index. */
  get size(): number {
    return this.slotById.size;
  }

  /** Adds a chunk, replacing any chunk with the same id. */
  add(chunk: SearchableChunk): void {
    this.remove(chunk.id);
    const title = this.analyzer.tokens(chunk.title, chunk.language);
    const body = this.analyzer.tokens(chunk.text, chunk.language);
    const counts = new Map<number, [number, number]>();
    for (const term of title) countTerm(counts, this.termId(term), 0);
    for (const term of body) countTerm(counts, this.termId(term), 1);

    const entries = new Uint32Array(counts.size * 3);
    let offset = 0;
    for (const [termId, [inTitle, inBody]] of counts) {
      entries[offset] = termId;
      entries[offset + 1] = inTitle;
      entries[offset + 2] = inBody;
      offset += 3;
    }
    this.place(chunk.id, title.length, body.length, entries);
  }

  /**
   * Adds many chunks. With compound splitting on, every word of every chunk is known before
   * the first chunk is split, so the result does not depend on the order of the chunks.
   */
  addAll(chunks: Iterable<SearchableChunk>): void {
    const list = [...chunks];
    if ((this.options.analyzer.compounds ?? 'split') === 'split') {
      this.pendingLexicon = new Set();
      for (const chunk of list) {
        if (analysisLanguage(chunk.language) === 'en') continue;
        for (const text of [chunk.title, chunk.text]) {
          for (const term of this.wholeWordAnalyzer.tokens(text, chunk.language)) {
            this.pendingLexicon.add(term);
          }
        }
      }
    }
    try {
      for (const chunk of list) this.add(chunk);
    } finally {
      this.pendingLexicon = undefined;
    }
  }

  /** Removes a chunk; returns false when the id is not indexed. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    const entries = this.documentTerms[slot] ?? new Uint32Array(0);
    for (let index = 0; index < entries.length; index += 3) {
      this.postings[entries[index] ?? 0]?.remove(slot);
    }
    this.titleLengthSum -= this.titleLengths[slot] ?? 0;
    this.bodyLengthSum -= this.bodyLengths[slot] ?? 0;
    this.documentTerms[slot] = undefined;
    this.ids[slot] = '';
    this.slotById.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** Whether a chunk id is indexed. */
  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** The best `k` chunks for a query, best first; ties go to the smaller id. */
  search(query: string, options: Bm25SearchOptions): ScoredHit[] {
    const scorer = this.scorer();
    const queryTerms = this.queryTerms(query, options.language);
    if (options.k <= 0 || scorer === undefined || queryTerms.length === 0) return [];
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(this.ids.length);

    const scores = this.scores;
    const touched: number[] = [];
    for (const [termId, queryCount] of queryTerms) {
      const postings = this.postings[termId] as PostingList;
      const idf = scorer.idf(postings.size) * queryCount;
      for (let index = 0; index < postings.size; index += 1) {
        const slot = postings.slots[index] ?? 0;
        const weight = scorer.weightedFrequency(
          slot,
          postings.titleFrequencies[index] ?? 0,
          postings.bodyFrequencies[index] ?? 0,
        );
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] ?? 0) + idf * scorer.saturate(weight);
      }
    }

    const best = new TopK(options.k);
    for (const slot of touched) {
      const score = scores[slot] ?? 0;
      scores[slot] = 0;
      const id = this.ids[slot] ?? '';
      if (!best.admits(score) || (options.filter !== undefined && !options.filter(id))) continue;
      best.offer({ slot, score, key: id });
    }
    return best.sorted().map(({ key, score }) => ({ id: key, score }));
  }

  /**
   * What each query term adds to a chunk's score, per field, largest first. The contributions
   * add up to the chunk's score in {@link search}; an unknown id or no match gives [].
   */
  explain(query: string, id: string, language?: string): TermContribution[] {
    const slot = this.slotById.get(id);
    const scorer = this.scorer();
    if (slot === undefined || scorer === undefined) return [];
    const result: TermContribution[] = [];

    for (const [termId, queryCount] of this.queryTerms(query, language)) {
      const postings = this.postings[termId] as PostingList;
      const index = postings.slots.subarray(0, postings.size).indexOf(slot);
      if (index < 0) continue;
      result.push(
        ...scorer.explainTerm(this.terms[termId] ?? '', queryCount, postings.size, slot, [
          postings.titleFrequencies[index] ?? 0,
          postings.bodyFrequencies[index] ?? 0,
        ]),
      );
    }
    return result.sort((left, right) => right.contribution - left.contribution);
  }

  /** The index as bytes in a versioned format; the caller checksums the file. */
  serialise(): Uint8Array {
    const remap = new Map<number, number>();
    const terms: string[] = [];
    const documents: Bm25Snapshot['documents'] = [];
    for (const [id, slot] of [...this.slotById].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const entries = Uint32Array.from(this.documentTerms[slot] ?? []);
      for (let index = 0; index < entries.length; index += 3) {
        const termId = entries[index] ?? 0;
        let stored = remap.get(termId);
        if (stored === undefined) {
          stored = terms.push(this.terms[termId] ?? '') - 1;
          remap.set(termId, stored);
        }
        entries[index] = stored;
      }
      const titleLength = this.titleLengths[slot] ?? 0;
      const bodyLength = this.bodyLengths[slot] ?? 0;
      documents.push({ id, titleLength, bodyLength, entries: sortTriples(entries) });
    }
    return encodeSnapshot({ options: this.options, terms, documents });
  }

  /** Rebuilds an index from {@link serialise} output. */
  static deserialise(bytes: Uint8Array): Bm25Index {
    const snapshot = decodeSnapshot(bytes);
    const index = new Bm25Index(snapshot.options);
    const termIds = snapshot.terms.map((term) => index.termId(term));
    for (const document of snapshot.documents) {
      const entries = Uint32Array.from(document.entries);
      for (let offset = 0; offset < entries.length; offset += 3) {
        const termId = termIds[entries[offset] ?? 0];
        if (termId === undefined) {
          throw new MarkwerkError('INPUT_MALFORMED', 'The BM25 index names a missing term.');
        }
        entries[offset] = termId;
      }
      index.place(document.id, document.titleLength, document.bodyLength, entries);
    }
    return index;
  }

  private place(id: string, titleLength: number, bodyLength: number, entries: Uint32Array) {
    const slot = this.freeSlots.pop() ?? this.ids.length;
    this.ids[slot] = id;
    this.titleLengths[slot] = titleLength;
    this.bodyLengths[slot] = bodyLength;
    this.documentTerms[slot] = entries;
    this.titleLengthSum += titleLength;
    this.bodyLengthSum += bodyLength;
    this.slotById.set(id, slot);
    for (let index = 0; index < entries.length; index += 3) {
      const postings = this.postings[entries[index] ?? 0] as PostingList;
      postings.add(slot, entries[index + 1] ?? 0, entries[index + 2] ?? 0);
    }
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.termIds.set(term, id);
      this.postings.push(new PostingList());
    }
    return id;
  }

  private isKnownTerm(term: string): boolean {
    const id = this.termIds.get(term);
    const indexed = id !== undefined && (this.postings[id]?.size ?? 0) > 0;
    return indexed || (this.pendingLexicon?.has(term) ?? false);
  }

  /** Query terms present in the index, with how often each occurs in the query. */
  private queryTerms(query: string, language: string | undefined): [number, number][] {
    const counts = new Map<number, number>();
    for (const term of this.analyzer.tokens(query, language ?? 'und')) {
      const id = this.termIds.get(term);
      if (id === undefined || (this.postings[id]?.size ?? 0) === 0) continue;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts];
  }

  private scorer(): Bm25Scorer | undefined {
    const count = this.slotById.size;
    if (count === 0) return undefined;
    return new Bm25Scorer(this.options, {
      documentCount: count,
      averageTitleLength: this.titleLengthSum / count,
      averageBodyLength: this.bodyLengthSum / count,
      titleLengths: this.titleLengths,
      bodyLengths: this.bodyLengths,
    });
  }
}

function countTerm(counts: Map<number, [number, number]>, termId: number, field: 0 | 1): void {
  let pair = counts.get(termId);
  if (pair === undefined) {
    pair = [0, 0];
    counts.set(termId, pair);
  }
  pair[field] += 1;
}

function sortTriples(entries: Uint32Array): Uint32Array {
  const triples: number[][] = [];
  for (let index = 0; index < entries.length; index += 3) {
    triples.push([entries[index] ?? 0, entries[index + 1] ?? 0, entries[index + 2] ?? 0]);
  }
  return Uint32Array.from(triples.sort((left, right) => (left[0] ?? 0) - (right[0] ?? 0)).flat());
}
