import type { IngestConfig } from '../../core/config-schema.js';
import { hashValue } from '../../core/hash.js';

/**
 * Bumped whenever a code change alters what the pipeline stores for the same input,
 * so earlier results are not reused by mistake.
 */
export const PIPELINE_VERSION = 1;

/**
 * The part of the configuration that decides what a document becomes. Two runs with
 * equal settings turn equal bytes into equal documents, which is what lets a run reuse
 * an earlier run's work.
 */
export function processingSettings(config: IngestConfig): Record<string, unknown> {
  return {
    pipelineVersion: PIPELINE_VERSION,
    boilerplate: config.boilerplate,
    feeds: config.feeds,
    minLanguageConfidence: config.minLanguageConfidence,
    htmlMainContent: config.htmlMainContent,
    dedupe: config.dedupe,
    pii: config.pii,
    chunking: config.chunking,
  };
}

export function settingsHash(config: IngestConfig): string {
  return hashValue(processingSettings(config));
}
