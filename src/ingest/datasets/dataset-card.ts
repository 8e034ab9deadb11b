import type { DocumentStatistics } from '../../store/repositories/statistics-repository.js';

/** A duplicate dropped in a run, and what it duplicated. */
export interface DroppedDuplicate {
  sourceUri: string;
  kind: 'duplicate' | 'near-duplicate';
  duplicateOf: string;
  similarity: number;
}

/**
 * What a dataset version is: where it came from, under which licence, what it holds
 * and how it was processed. Stored with the version and written into exports.
 */
export interface DatasetCard {
  version: string;
  parent: string | null;
  createdAt: string;
  license: string;
  pipelineVersion: number;
  sources: { inputs: string[]; read: number; failed: Array<{ source: string; reason: string }> };
  counts: {
    documentsExtracted: number;
    documents: number;
    exactDuplicates: number;
    nearDuplicates: number;
    chunks: number;
    tokens: number;
  };
  languages: Record<string, number>;
  kinds: Record<string, number>;
  categories: Record<string, number>;
  pii: { action: string; types: string[]; masked: Record<string, number> };
  dedupe: { near: boolean; threshold: number; removed: DroppedDuplicate[] };
  chunking: { maxTokens: number; overlapTokens: number };
  splits: Record<string, number>;
  warnings: Record<string, number>;
}

export type CardStatistics = DocumentStatistics;
