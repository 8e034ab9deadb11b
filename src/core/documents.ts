/** Document vocabulary shared by ingest, the store and everything downstream. */

export type DocumentKind = 'article' | 'page' | 'product' | 'segment' | 'record' | 'text';

export type MetadataValue = string | number | boolean | null;

/** A piece of a document sized for retrieval. */
export interface Chunk {
  ordinal: number;
  text: string;
  tokenCount: number;
  /** Titles of the headings this chunk sits under, outermost first. */
  headingPath: string[];
}
