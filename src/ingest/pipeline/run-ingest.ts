import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { IngestConfig } from '../../core/config-schema.js';
import { MarkwerkError, describeError } from '../../core/errors.js';
import { hashValue } from '../../core/hash.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { getDocuments } from '../../store/repositories/documents-repository.js';
import {
  createRun,
  findRunningRun,
  finishedSourceKeys,
  knownSourceHashes,
  runItems,
  type IngestRun,
} from '../../store/repositories/runs-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { signatureFromBytes } from '../process/minhash.js';
import { crawlSources, type CrawlFailure } from '../sources/crawl-sources.js';
import { listFileSources } from '../sources/file-sources.js';
import type { Source } from '../sources/source.js';
import { commitVersion, type CommittedVersion } from './commit-version.js';
import { DedupeState, documentDate } from './dedupe-state.js';
import type { IngestEventListener } from './ingest-events.js';
import { createSourceAnalyser } from './analysis-pool.js';
import { BatchWriter } from './batch-writer.js';
import { analyseOrReuse } from './analyse-or-reuse.js';
import { decideSource, type AnalysedSource } from './process-source.js';
import { processingSettings, settingsHash } from './settings.js';

export interface IngestOptions {
  store: SqlClient;
  config: IngestConfig;
  /** Files, folders and http(s) URLs to start crawls from. */
  inputs: string[];
  logger?: Logger;
  onEvent?: IngestEventListener;
  signal?: AbortSignal;
  /** Sources stored per transaction; a crash loses at most one batch of work. */
  batchSize?: number;
}

export interface IngestResult extends CommittedVersion {
  runId: string;
  resumed: boolean;
  /** What happened to each source in this invocation. */
  sources: { processed: number; reused: number; skipped: number; failed: number };
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Ingests the inputs into a new dataset version. Work is stored in batches as it goes;
 * the version itself is committed in one transaction at the end, so a crash leaves the
 * previous version untouched and a re-run with the same inputs resumes the same run.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const { store, config } = options;
  const logger = options.logger ?? silentLogger;
  const tally = { processed: 0, reused: 0, skipped: 0, failed: 0 };
  const emit: IngestEventListener = (event) => {
    if (event.type === 'source-done') tally[event.via] += 1;
    if (event.type === 'source-failed') tally.failed += 1;
    options.onEvent?.(event);
  };
  const urls = options.inputs.filter(isUrl);
  const files = await listFileSources(
    options.inputs.filter((input) => !isUrl(input)),
    config,
  );
  if (files.length === 0 && urls.length === 0) {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `No ingestible files under ${options.inputs.join(', ')}. ` +
        `Supported: ${config.include.join(' ')}.`,
      { details: { inputs: options.inputs }, exitCode: 2 },
    );
  }

  const { run, resumed } = await openRun(store, options.inputs, config);
  emit({ type: 'ingest-start', runId: run.id, resumed, knownSources: files.length });
  logger.info({ runId: run.id, resumed, files: files.length, urls: urls.length }, 'ingest-start');

  const settings = settingsHash(config);
  const dedupe = new DedupeState(config.dedupe);
  const finished = await finishedSourceKeys(store, run.id);
  if (resumed) await restoreDedupeState(store, run.id, dedupe);
  const reuse = { store, known: await knownSourceHashes(store, settings), settings };

  const crawlFailures: CrawlFailure[] = [];
  const batch = new BatchWriter(store, run.id, options.batchSize ?? 64, emit, logger);
  const analyser = await createSourceAnalyser(config, config.workers ?? defaultWorkers());
  const window: Array<{ source: Source; analysed: Promise<AnalysedSource> }> = [];
  const settle = async () => {
    const { source, analysed } = window.shift()!;
    try {
      const outcome = decideSource(await analysed, dedupe, settings);
      await batch.add(outcome.finished, outcome.documents, outcome.superseded);
      const documents = outcome.finished.items.length;
      emit({ type: 'source-done', key: source.key, documents, via: outcome.via });
    } catch (error) {
      if (source.origin === 'file') {
        await batch.flush();
        throw error;
      }
      logger.warn({ url: source.key, error: describeError(error) }, 'page-skipped');
      await batch.addFailures([{ key: source.key, reason: describeError(error) }], settings);
    }
  };

  try {
    const inFlight = Math.max(4, analyser.threads * 8);
    for await (const source of allSources(
      files,
      urls,
      config,
      logger,
      options.signal,
      crawlFailures,
    )) {
      options.signal?.throwIfAborted();
      await batch.addFailures(crawlFailures.splice(0), settings);
      if (finished.has(source.key)) {
        emit({ type: 'source-done', key: source.key, documents: 0, via: 'skipped' });
        continue;
      }
      finished.add(source.key);
      const analysed = analyseOrReuse(source, analyser, reuse);
      analysed.catch(() => undefined); // awaited in order by settle(); never left unhandled
      window.push({ source, analysed });
      if (window.length >= inFlight) await settle();
    }
    while (window.length > 0) await settle();
  } catch (error) {
    // Interrupted or failed: keep what was decided so far, so a re-run resumes after it.
    await batch.flush().catch(() => undefined);
    throw error;
  } finally {
    await analyser.close();
  }
  await batch.addFailures(crawlFailures.splice(0), settings);
  await batch.flush();

  const committed = await commitVersion(store, run, config);
  emit({
    type: 'version-committed',
    versionId: committed.versionId,
    unchanged: committed.unchanged,
  });
  logger.info({ runId: run.id, version: committed.versionId }, 'version-committed');
  return { ...committed, runId: run.id, resumed, sources: tally };
}

async function openRun(store: SqlClient, inputs: string[], config: IngestConfig) {
  const settings = processingSettings(config);
  const resolved = inputs.map((input) => (isUrl(input) ? input : input.replace(/\/+$/, '')));
  const fingerprint = hashValue({ inputs: resolved, settings, crawl: config.crawl });
  const existing = await findRunningRun(store, fingerprint);
  if (existing) return { run: existing, resumed: true };

  const run: IngestRun = {
    id: randomUUID(),
    fingerprint,
    status: 'running',
    sources: resolved,
    settings,
    startedAt: new Date(),
    versionId: null,
  };
  await createRun(store, run);
  return { run, resumed: false };
}

/** One analysis thread per core: the main thread mostly waits on the store. */
function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** Rebuilds the duplicate index from what an interrupted run had already kept. */
async function restoreDedupeState(store: SqlClient, runId: string, dedupe: DedupeState) {
  const kept = (await runItems(store, runId)).flatMap((item) =>
    item.documentId ? [item.documentId] : [],
  );
  for (let start = 0; start < kept.length; start += 1000) {
    for (const document of await getDocuments(store, kept.slice(start, start + 1000))) {
      const signature = document.minhash ? signatureFromBytes(document.minhash) : null;
      dedupe.remember(document.id, {
        kind: document.kind,
        contentHash: document.contentHash,
        signature,
        updated: documentDate(document.metadata),
      });
    }
  }
}

async function* allSources(
  files: Source[],
  urls: string[],
  config: IngestConfig,
  logger: Logger,
  signal: AbortSignal | undefined,
  failures: CrawlFailure[],
): AsyncGenerator<Source> {
  yield* files;
  if (urls.length === 0) return;
  yield* crawlSources(urls, config.crawl, {
    logger,
    ...(signal ? { signal } : {}),
    onFailure: (failure) => failures.push(failure),
  });
}
