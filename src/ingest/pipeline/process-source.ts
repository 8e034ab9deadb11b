import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import type { FinishedSource, RunItem } from '../../store/repositories/runs-repository.js';
import type { StoredDocument } from '../../store/repositories/documents-repository.js';
import { signatureFromBytes } from '../process/minhash.js';
import type { AnalysedDocument } from './analyse-source.js';
import { documentDate, type DedupeCandidate, type DedupeState } from './dedupe-state.js';

/** A kept document that a newer near duplicate replaced. */
export interface Supersession {
  documentId: string;
  by: string;
  similarity: number;
}

export interface SourceOutcome {
  finished: FinishedSource;
  superseded: Supersession[];
  /** New documents to insert; empty when an earlier run's documents were reused. */
  documents: DocumentWithChunks[];
  via: 'processed' | 'reused';
}

/** A source ready for its duplicate verdicts: freshly analysed, or stored before. */
export type AnalysedSource =
  | { key: string; sourceHash: string; via: 'processed'; documents: AnalysedDocument[] }
  | { key: string; sourceHash: string; via: 'reused'; documents: StoredDocument[] };

/**
 * Decides, in source order, which documents of a source the run keeps. Only kept,
 * freshly analysed documents need storing; reused ones are in the store already.
 */
export function decideSource(
  source: AnalysedSource,
  dedupe: DedupeState,
  settingsHash: string,
): SourceOutcome {
  const superseded: Supersession[] = [];
  const documents: DocumentWithChunks[] = [];
  const decide = (sourceUri: string, candidate: DedupeCandidate, documentId: string): RunItem => {
    const verdict = dedupe.judge(candidate);
    const item = { sourceKey: source.key, sourceUri, similarity: null, duplicateOf: null };
    if (verdict.status === 'duplicate' || verdict.status === 'near-duplicate') {
      const { duplicateOf, similarity } = verdict;
      return { ...item, documentId: null, status: verdict.status, duplicateOf, similarity };
    }
    const replaced = verdict.status === 'supersedes' ? verdict.supersedes : undefined;
    if (replaced !== undefined && verdict.status === 'supersedes') {
      superseded.push({ documentId: replaced, by: documentId, similarity: verdict.similarity });
    }
    dedupe.remember(documentId, candidate, replaced);
    return { ...item, documentId, status: 'kept' };
  };

  const items =
    source.via === 'reused'
      ? source.documents.map((stored) =>
          decide(
            stored.sourceUri,
            {
              kind: stored.kind,
              contentHash: stored.contentHash,
              signature: stored.minhash ? signatureFromBytes(stored.minhash) : null,
              updated: documentDate(stored.metadata),
            },
            stored.id,
          ),
        )
      : source.documents.map((analysed) => {
          const item = decide(analysed.sourceUri, analysed, analysed.document.id);
          if (item.status === 'kept') documents.push(analysed.document);
          return item;
        });

  return {
    finished: {
      sourceKey: source.key,
      sourceHash: source.sourceHash,
      settingsHash,
      status: 'done',
      detail: null,
      items,
    },
    superseded,
    documents,
    via: source.via,
  };
}
