import type { DedupeConfig } from '../../core/config-schema.js';
import type { DocumentKind } from '../../core/documents.js';
import { NearDuplicateIndex } from '../process/near-duplicates.js';

export type DedupeVerdict =
  | { status: 'kept' }
  | { status: 'duplicate'; duplicateOf: string; similarity: 1 }
  | { status: 'near-duplicate'; duplicateOf: string; similarity: number };

/**
 * Everything kept so far in a run, by exact content hash and by MinHash signature.
 * The first document seen wins; later copies are reported as duplicates of it. Kinds in
 * `skipKinds` (feed records by default) are neither judged nor remembered.
 */
export class DedupeState {
  private readonly byContentHash = new Map<string, string>();
  private readonly nearIndex: NearDuplicateIndex;

  constructor(private readonly config: DedupeConfig) {
    this.nearIndex = new NearDuplicateIndex(config);
  }

  signature(text: string): Uint32Array {
    return this.nearIndex.signature(text);
  }

  judge(kind: DocumentKind, contentHash: string, signature: Uint32Array | null): DedupeVerdict {
    if (this.config.skipKinds.includes(kind)) return { status: 'kept' };
    const exact = this.byContentHash.get(contentHash);
    if (exact !== undefined) return { status: 'duplicate', duplicateOf: exact, similarity: 1 };
    if (!this.config.near || signature === null) return { status: 'kept' };

    const near = this.nearIndex.findDuplicate(signature);
    if (near === undefined) return { status: 'kept' };
    return { status: 'near-duplicate', duplicateOf: near.id, similarity: near.similarity };
  }

  remember(
    kind: DocumentKind,
    documentId: string,
    contentHash: string,
    signature: Uint32Array | null,
  ): void {
    if (this.config.skipKinds.includes(kind)) return;
    this.byContentHash.set(contentHash, documentId);
    if (this.config.near && signature !== null) this.nearIndex.add(documentId, signature);
  }
}
