/**
 * The store-backed generation cache: complete results kept per dataset version, so a new
 * dataset version misses and old versions' entries can be purged.
 * @module
 */
import type { GenerationResultCache } from '../models/generators/cached-generator.js';
import type { GenerationResult } from '../models/generators/generator.js';
import {
  deleteCachedGenerationsExcept,
  getCachedGeneration,
  putCachedGeneration,
} from '../store/repositories/generation-cache-repository.js';
import type { SqlExecutor } from '../store/sql-client.js';

/** A cache over the `generation_cache` table (migration 003). */
export function createGenerationCache(db: SqlExecutor): GenerationResultCache {
  return {
    async lookup(key, datasetVersion) {
      const found = await getCachedGeneration(db, key, datasetVersion);
      return found && isResult(found.result) ? found.result : undefined;
    },
    async store({ key, datasetVersion, result, template }) {
      await putCachedGeneration(db, {
        key,
        datasetVersion,
        model: result.model,
        provider: result.provider,
        ...(template ? { template } : {}),
        result: { ...result },
      });
    },
  };
}

/**
 * Deletes cached results of every dataset version but those in `keep` (usually the current
 * one). Results of requests not grounded on a dataset stay unless `includeUnversioned`.
 * Returns how many entries were deleted.
 */
export function purgeGenerationCache(
  db: SqlExecutor,
  keep: string[],
  options: { includeUnversioned?: boolean } = {},
): Promise<number> {
  return deleteCachedGenerationsExcept(db, keep, options);
}

/** Rows written by older code may lack fields; such a row is a miss, not a crash. */
function isResult(
  value: Record<string, unknown>,
): value is Record<string, unknown> & GenerationResult {
  return (
    typeof value.text === 'string' &&
    typeof value.model === 'string' &&
    typeof value.provider === 'string' &&
    typeof value.finishReason === 'string' &&
    typeof value.usage === 'object' &&
    value.usage !== null
  );
}
