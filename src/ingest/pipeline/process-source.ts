import { sha256 } from '../../core/hash.js';
import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import { getDocuments } from '../../store/repositories/documents-repository.js';
import type { FinishedSource, RunItem } from '../../store/repositories/runs-repository.js';
import { findReusableSource } from '../../store/repositories/runs-repository.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { extractFile, extractHtml } from '../extract/extract-file.js';
import { signatureFromBytes } from '../process/minhash.js';
import type { Source } from '../sources/source.js';
import type { ExtractedDocument } from '../types.js';
import { documentDate, type DedupeCandidate } from './dedupe-state.js';
import { finishDocument, prepareDocument, type PipelineContext } from './prepare-document.js';

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

/**
 * Turns one source into run items. Bytes seen before under the same settings reuse
 * the stored documents and only repeat the duplicate check; new bytes go through
 * extraction, normalisation, language detection, dedupe, masking and chunking.
 */
export async function processSource(
  source: Source,
  input: { bytes: Uint8Array; charset?: string },
  context: PipelineContext,
  store: SqlExecutor,
): Promise<SourceOutcome> {
  const sourceHash = sha256(input.bytes);
  const finished = (items: RunItem[]): FinishedSource => ({
    sourceKey: source.key,
    sourceHash,
    settingsHash: context.settingsHash,
    status: 'done',
    detail: null,
    items,
  });

  const superseded: Supersession[] = [];
  const judgeAndRemember = (
    sourceUri: string,
    candidate: DedupeCandidate,
    documentId: () => string,
  ): RunItem => {
    const verdict = context.dedupe.judge(candidate);
    const item = { sourceKey: source.key, sourceUri, similarity: null, duplicateOf: null };
    if (verdict.status === 'duplicate' || verdict.status === 'near-duplicate') {
      const { duplicateOf, similarity } = verdict;
      return { ...item, documentId: null, status: verdict.status, duplicateOf, similarity };
    }
    const id = documentId();
    if (verdict.status === 'supersedes') {
      superseded.push({ documentId: verdict.supersedes, by: id, similarity: verdict.similarity });
    }
    const replaced = verdict.status === 'supersedes' ? verdict.supersedes : undefined;
    context.dedupe.remember(id, candidate, replaced);
    return { ...item, documentId: id, status: 'kept' };
  };

  const reusable = context.knownSourceHashes.has(sourceHash)
    ? await findReusableSource(store, sourceHash, context.settingsHash)
    : undefined;
  if (reusable !== undefined) {
    const ids = reusable.map((item) => item.documentId);
    const stored = await getDocuments(store, ids);
    stored.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const items = stored.map((document) =>
      judgeAndRemember(
        document.sourceUri,
        {
          kind: document.kind,
          contentHash: document.contentHash,
          signature: document.minhash ? signatureFromBytes(document.minhash) : null,
          updated: documentDate(document.metadata),
        },
        () => document.id,
      ),
    );
    return { finished: finished(items), documents: [], superseded, via: 'reused' };
  }

  const items: RunItem[] = [];
  const documents: DocumentWithChunks[] = [];
  for await (const extracted of extractSource(source, input, context)) {
    const prepared = await prepareDocument(extracted, context);
    if (prepared === undefined) continue;

    const candidate = {
      kind: extracted.kind,
      contentHash: prepared.contentHash,
      signature: prepared.signature,
      updated: documentDate(extracted.metadata),
    };
    const item = judgeAndRemember(extracted.sourceUri, candidate, () => {
      const document = finishDocument(prepared, context);
      documents.push(document);
      return document.id;
    });
    items.push(item);
  }
  return { finished: finished(items), documents, superseded, via: 'processed' };
}

async function* extractSource(
  source: Source,
  input: { bytes: Uint8Array; charset?: string },
  context: PipelineContext,
): AsyncGenerator<ExtractedDocument> {
  if (source.origin === 'crawl') {
    yield extractHtml(input.bytes, {
      url: source.location,
      charset: input.charset,
      mainContent: context.config.htmlMainContent,
    });
    return;
  }
  yield* extractFile({
    path: source.location,
    relativePath: source.key,
    bytes: input.bytes,
    feeds: context.config.feeds,
    charset: input.charset,
    mainContent: context.config.htmlMainContent,
  });
}
