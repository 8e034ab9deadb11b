/** Shapes shared by every part of retrieval. */

/** A retrieval hit: a chunk id and a score where higher is better. */
export interface ScoredHit {
  id: string;
  score: number;
}

/** A chunk as the search indexes see it. */
export interface SearchableChunk {
  id: string;
  documentId: string;
  title: string;
  text: string;
  language: string;
  /** Filterable facts: source, kind, category, product, dataset version… */
  fields: Record<string, string>;
}

/** Keeps only the chunk ids for which it returns true. */
export type ChunkFilter = (id: string) => boolean;
