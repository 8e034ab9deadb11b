import type { IngestConfig } from '../../core/config-schema.js';
import { hashValue } from '../../core/hash.js';
import {
  failedSources,
  finishRun,
  runItems,
  sourceCounts,
} from '../../store/repositories/runs-repository.js';
import type { IngestRun } from '../../store/repositories/runs-repository.js';
import { documentStatistics } from '../../store/repositories/statistics-repository.js';
import {
  createVersion,
  currentVersionId,
  findVersion,
  setCurrentVersion,
} from '../../store/repositories/versions-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { assignSplit } from '../datasets/assign-split.js';
import type { DatasetCard } from '../datasets/dataset-card.js';
import { PIPELINE_VERSION } from './settings.js';

/** The card lists at most this many dropped duplicates; the counts cover them all. */
const MAX_LISTED_DUPLICATES = 500;

export interface CommittedVersion {
  versionId: string;
  card: DatasetCard;
  /** True when the run produced exactly the current version's documents. */
  unchanged: boolean;
}

/**
 * Turns a finished run into a dataset version in one transaction. The version id is the
 * hash of its members (themselves content addresses), so equal data, equal version.
 */
export async function commitVersion(
  store: SqlClient,
  run: IngestRun,
  config: IngestConfig,
): Promise<CommittedVersion> {
  const items = await runItems(store, run.id);
  const kept = [...new Set(items.flatMap((item) => (item.documentId ? [item.documentId] : [])))];
  kept.sort();
  const members = kept.map((documentId) => ({
    documentId,
    split: assignSplit(documentId, config.splits),
  }));
  const versionId = hashValue({ members });

  return store.transaction(async (tx) => {
    const parent = (await currentVersionId(tx)) ?? null;
    const existing = await findVersion(tx, versionId);
    if (existing !== undefined) {
      await setCurrentVersion(tx, versionId);
      await finishRun(tx, run.id, 'committed', versionId);
      return {
        versionId,
        card: existing.card as unknown as DatasetCard,
        unchanged: parent === versionId,
      };
    }

    const statistics = await documentStatistics(tx, kept);
    const failures = await failedSources(tx, run.id);
    const counts = await sourceCounts(tx, run.id);
    const dropped = items.filter((item) => item.status !== 'kept');
    const uriOf = new Map(items.map((item) => [item.documentId, item.sourceUri]));
    const splits: Record<string, number> = {};
    for (const member of members) splits[member.split] = (splits[member.split] ?? 0) + 1;

    const card: DatasetCard = {
      version: versionId,
      parent,
      createdAt: new Date().toISOString(),
      license: config.license,
      pipelineVersion: PIPELINE_VERSION,
      sources: {
        inputs: run.sources,
        read: counts.done + counts.failed,
        failed: failures.map((failure) => ({
          source: failure.sourceKey,
          reason: failure.detail ?? 'unknown',
        })),
      },
      counts: {
        documentsExtracted: items.length,
        documents: kept.length,
        exactDuplicates: dropped.filter((item) => item.status === 'duplicate').length,
        nearDuplicates: dropped.filter((item) => item.status === 'near-duplicate').length,
        chunks: statistics.chunks,
        tokens: statistics.tokens,
      },
      languages: statistics.languages,
      kinds: statistics.kinds,
      categories: statistics.categories,
      pii: { action: config.pii.action, types: config.pii.types, masked: statistics.pii },
      dedupe: {
        near: config.dedupe.near,
        threshold: config.dedupe.threshold,
        removed: dropped.slice(0, MAX_LISTED_DUPLICATES).map((item) => ({
          sourceUri: item.sourceUri,
          kind: item.status as 'duplicate' | 'near-duplicate',
          duplicateOf: uriOf.get(item.duplicateOf) ?? item.duplicateOf ?? '',
          similarity: Math.round((item.similarity ?? 1) * 1000) / 1000,
        })),
      },
      chunking: config.chunking,
      splits,
      warnings: statistics.warnings,
    };

    await createVersion(
      tx,
      { id: versionId, parentId: parent, runId: run.id, card: { ...card } },
      members,
    );
    await finishRun(tx, run.id, 'committed', versionId);
    return { versionId, card, unchanged: false };
  });
}
