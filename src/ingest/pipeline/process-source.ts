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
import type { DedupeVerdict } from './dedupe-state.js';
import { finishDocument, prepareDocument, type PipelineContext } from './prepare-document.js';

export interface SourceOutcome {
  finished: FinishedSource;
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

  const reusable = context.knownSourceHashes.has(sourceHash)
    ? await findReusableSource(store, sourceHash, context.settingsHash)
    : undefined;
  if (reusable !== undefined) {
    const ids = reusable.map((item) => item.documentId);
    const stored = await getDocuments(store, ids);
    stored.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const items = stored.map((document) => {
      const signature = document.minhash ? signatureFromBytes(document.minhash) : null;
      const verdict = context.dedupe.judge(document.kind, document.contentHash, signature);
      if (verdict.status !== 'kept') return itemFor(source.key, document.sourceUri, null, verdict);
      context.dedupe.remember(document.kind, document.id, document.contentHash, signature);
      return itemFor(source.key, document.sourceUri, document.id, verdict);
    });
    return { finished: finished(items), documents: [], via: 'reused' };
  }

  const items: RunItem[] = [];
  const documents: DocumentWithChunks[] = [];
  for await (const extracted of extractSource(source, input, context)) {
    const prepared = await prepareDocument(extracted, context);
    if (prepared === undefined) continue;

    const verdict = context.dedupe.judge(extracted.kind, prepared.contentHash, prepared.signature);
    if (verdict.status !== 'kept') {
      items.push(itemFor(source.key, extracted.sourceUri, null, verdict));
      continue;
    }
    const document = finishDocument(prepared, context);
    context.dedupe.remember(extracted.kind, document.id, prepared.contentHash, prepared.signature);
    documents.push(document);
    items.push(itemFor(source.key, extracted.sourceUri, document.id, verdict));
  }
  return { finished: finished(items), documents, via: 'processed' };
}

function itemFor(
  sourceKey: string,
  sourceUri: string,
  documentId: string | null,
  verdict: DedupeVerdict,
): RunItem {
  return {
    sourceKey,
    sourceUri,
    documentId,
    status: verdict.status,
    duplicateOf: verdict.status === 'kept' ? null : verdict.duplicateOf,
    similarity: verdict.status === 'kept' ? null : verdict.similarity,
  };
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
