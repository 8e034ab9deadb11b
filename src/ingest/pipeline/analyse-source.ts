import type { IngestConfig } from '../../core/config-schema.js';
import type { DocumentKind } from '../../core/documents.js';
import { extractFile, extractHtml } from '../extract/extract-file.js';
import { createLanguageDetector } from '../process/language.js';
import { createMinHash } from '../process/minhash.js';
import type { ExtractedDocument } from '../types.js';
import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import { documentDate } from './dedupe-state.js';
import { finishDocument, prepareDocument, type AnalysisContext } from './prepare-document.js';
import { settingsHash } from './settings.js';

/** The bytes of one source, as the pipeline hands them to an analyser. */
export interface SourceInput {
  key: string;
  origin: 'file' | 'crawl';
  location: string;
  bytes: Uint8Array;
  charset?: string;
}

/**
 * One document fully processed: everything but the duplicate verdict, which depends on
 * what the run kept before it and so is decided in source order afterwards.
 */
export interface AnalysedDocument {
  sourceUri: string;
  kind: DocumentKind;
  contentHash: string;
  signature: Uint32Array;
  updated: string | undefined;
  document: DocumentWithChunks;
}

/**
 * Extracts, normalises, identifies, masks and chunks every document of a source. Pure
 * CPU work with no store access, so it can run in a worker thread.
 */
export async function analyseSource(
  input: SourceInput,
  context: AnalysisContext,
): Promise<AnalysedDocument[]> {
  const analysed: AnalysedDocument[] = [];
  for await (const extracted of extractSource(input, context.config)) {
    const prepared = await prepareDocument(extracted, context);
    if (prepared === undefined) continue;
    analysed.push({
      sourceUri: extracted.sourceUri,
      kind: extracted.kind,
      contentHash: prepared.contentHash,
      signature: prepared.signature,
      updated: documentDate(extracted.metadata),
      document: finishDocument(prepared, context),
    });
  }
  return analysed;
}

/** Everything `analyseSource` needs, built once per thread. */
export async function createAnalysisContext(config: IngestConfig): Promise<AnalysisContext> {
  const detector = await createLanguageDetector({ minConfidence: config.minLanguageConfidence });
  return {
    config,
    settingsHash: settingsHash(config),
    boilerplate: config.boilerplate.map((pattern) => new RegExp(pattern, 'iu')),
    detectLanguage: (text) => detector.detect(text),
    signature: createMinHash(config.dedupe),
  };
}

async function* extractSource(
  input: SourceInput,
  config: IngestConfig,
): AsyncGenerator<ExtractedDocument> {
  if (input.origin === 'crawl') {
    yield extractHtml(input.bytes, {
      url: input.location,
      charset: input.charset,
      mainContent: config.htmlMainContent,
    });
    return;
  }
  yield* extractFile({
    path: input.location,
    relativePath: input.key,
    bytes: input.bytes,
    feeds: config.feeds,
    charset: input.charset,
    mainContent: config.htmlMainContent,
  });
}
