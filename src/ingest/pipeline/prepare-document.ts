import type { IngestConfig } from '../../core/config-schema.js';
import { hashValue, sha256 } from '../../core/hash.js';
import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import { chunkBlocks } from '../process/chunker.js';
import { documentText, normaliseBlocks } from '../process/normalise.js';
import { signatureToBytes } from '../process/minhash.js';
import type { Block, ExtractedDocument, MetadataValue } from '../types.js';
import { maskDocument } from './mask-document.js';

/** fastText is as sure of a language after a few sentences as after a whole page. */
const LANGUAGE_SAMPLE_CHARACTERS = 1500;

/** A document after normalisation and language detection, ready for the duplicate check. */
export interface PreparedDocument {
  extracted: ExtractedDocument;
  blocks: Block[];
  language: string;
  languageConfidence: number;
  /** Hash of the normalised text: equal text, equal hash, whatever the source. */
  contentHash: string;
  signature: Uint32Array;
}

/** What document analysis needs; safe to build in every worker thread. */
export interface AnalysisContext {
  config: IngestConfig;
  settingsHash: string;
  boilerplate: RegExp[];
  detectLanguage(text: string): Promise<{ language: string; confidence: number }>;
  /** MinHash signature of a text under the dedupe settings. */
  signature(text: string): Uint32Array;
}

/** Normalises and identifies a document; undefined when nothing but boilerplate is left. */
export async function prepareDocument(
  extracted: ExtractedDocument,
  context: AnalysisContext,
): Promise<PreparedDocument | undefined> {
  const blocks = normaliseBlocks(extracted.blocks, { boilerplate: context.boilerplate });
  const text = documentText(blocks);
  if (text.trim().length === 0) return undefined;

  const detected = await context.detectLanguage(text.slice(0, LANGUAGE_SAMPLE_CHARACTERS));
  const useDetected = detected.language !== 'und' || extracted.language === undefined;
  return {
    extracted,
    blocks,
    language: useDetected ? detected.language : extracted.language!,
    languageConfidence: useDetected ? detected.confidence : 0,
    contentHash: sha256(text.toLowerCase()),
    signature: context.signature(text),
  };
}

/**
 * Masks personal data, chunks along the structure, and gives the document its content
 * address: the same settings and the same result always yield the same id.
 */
export function finishDocument(
  prepared: PreparedDocument,
  context: AnalysisContext,
): DocumentWithChunks {
  const { extracted } = prepared;
  const masked = maskDocument(prepared.blocks, extracted, context.config.pii);
  const body = documentText(masked.blocks);
  const metadata: Record<string, MetadataValue> = masked.metadata;
  const id = hashValue({
    settings: context.settingsHash,
    sourceUri: extracted.sourceUri,
    kind: extracted.kind,
    title: masked.title,
    language: prepared.language,
    category: extracted.category ?? null,
    body,
    metadata,
  });

  return {
    id,
    contentHash: prepared.contentHash,
    sourceUri: extracted.sourceUri,
    kind: extracted.kind,
    title: masked.title,
    language: prepared.language,
    languageConfidence: prepared.languageConfidence,
    category: extracted.category ?? null,
    body,
    metadata,
    piiCounts: masked.counts,
    warnings: extracted.warnings,
    minhash: signatureToBytes(prepared.signature),
    chunks: chunkBlocks(masked.blocks, context.config.chunking),
  };
}
