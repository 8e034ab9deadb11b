import type { DedupeConfig } from '../../core/config-schema.js';
import type { DocumentKind, MetadataValue } from '../../core/documents.js';
import { NearDuplicateIndex } from '../process/near-duplicates.js';

export type DedupeVerdict =
  | { status: 'kept' }
  | { status: 'duplicate'; duplicateOf: string; similarity: 1 }
  | { status: 'near-duplicate'; duplicateOf: string; similarity: number }
  /** Near duplicate of a kept document but newer: this one is kept, that one dropped. */
  | { status: 'supersedes'; supersedes: string; similarity: number };

/** What the index needs to know of a candidate document. */
export interface DedupeCandidate {
  kind: DocumentKind;
  contentHash: string;
  signature: Uint32Array | null;
  /** Last-updated date (ISO 8601) from the source's metadata, when it has one. */
  updated: string | undefined;
}

const DATE_KEYS = ['updated', 'updated_at', 'modified', 'lastmod', 'date', 'published'];

/** The first date-like metadata value, normalised to YYYY-MM-DD… for comparison. */
export function documentDate(metadata: Record<string, MetadataValue>): string | undefined {
  for (const key of DATE_KEYS) {
    const value = metadata[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  }
  return undefined;
}

/**
 * Everything kept so far in a run, by exact content hash and by MinHash signature.
 * The first document seen wins, unless a near duplicate carries a later date: then the
 * newer text is kept and the older one dropped. Kinds in `skipKinds` (feed records by
 * default) are neither judged nor remembered.
 */
export class DedupeState {
  private readonly byContentHash = new Map<string, string>();
  private readonly nearIndex: NearDuplicateIndex;
  private readonly dates = new Map<string, string | undefined>();
  private readonly supersededBy = new Map<string, string>();

  constructor(private readonly config: DedupeConfig) {
    this.nearIndex = new NearDuplicateIndex(config);
  }

  signature(text: string): Uint32Array {
    return this.nearIndex.signature(text);
  }

  judge(candidate: DedupeCandidate): DedupeVerdict {
    if (this.config.skipKinds.includes(candidate.kind)) return { status: 'kept' };
    const exact = this.byContentHash.get(candidate.contentHash);
    if (exact !== undefined) {
      return { status: 'duplicate', duplicateOf: this.current(exact), similarity: 1 };
    }
    if (!this.config.near || candidate.signature === null) return { status: 'kept' };

    const near = this.nearIndex.findDuplicate(candidate.signature);
    if (near === undefined) return { status: 'kept' };
    const original = this.current(near.id);
    const originalDate = this.dates.get(original);
    if (candidate.updated && originalDate && candidate.updated > originalDate) {
      return { status: 'supersedes', supersedes: original, similarity: near.similarity };
    }
    return { status: 'near-duplicate', duplicateOf: original, similarity: near.similarity };
  }

  /** Records a kept document (after a `kept` or `supersedes` verdict). */
  remember(documentId: string, candidate: DedupeCandidate, supersedes?: string): void {
    if (this.config.skipKinds.includes(candidate.kind)) return;
    if (supersedes !== undefined) this.supersededBy.set(supersedes, documentId);
    this.dates.set(documentId, candidate.updated);
    this.byContentHash.set(candidate.contentHash, documentId);
    if (this.config.near && candidate.signature !== null) {
      this.nearIndex.add(documentId, candidate.signature);
    }
  }

  /** Follows supersessions to the document that is kept now. */
  private current(documentId: string): string {
    let id = documentId;
    for (
      let next = this.supersededBy.get(id);
      next !== undefined;
      next = this.supersededBy.get(id)
    ) {
      id = next;
    }
    return id;
  }
}
