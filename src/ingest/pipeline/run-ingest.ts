import { randomUUID } from 'node:crypto';
import type { IngestConfig } from '../../core/config-schema.js';
import { MarkwerkError, describeError } from '../../core/errors.js';
import { hashValue } from '../../core/hash.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { getDocuments, insertDocuments } from '../../store/repositories/documents-repository.js';
import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import {
  createRun,
  findRunningRun,
  finishedSourceKeys,
  knownSourceHashes,
  markSuperseded,
  recordSources,
  runItems,
  type FinishedSource,
  type IngestRun,
} from '../../store/repositories/runs-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { createLanguageDetector } from '../process/language.js';
import { signatureFromBytes } from '../process/minhash.js';
import { crawlSources, type CrawlFailure } from '../sources/crawl-sources.js';
import { listFileSources } from '../sources/file-sources.js';
import type { Source } from '../sources/source.js';
import { commitVersion, type CommittedVersion } from './commit-version.js';
import { DedupeState, documentDate } from './dedupe-state.js';
import type { IngestEventListener } from './ingest-events.js';
import type { PipelineContext } from './prepare-document.js';
import { processSource, type Supersession } from './process-source.js';
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
      `No ingestible files under ${options.inputs.join(', ')}. Supported: ${config.include.join(' ')}.`,
      { details: { inputs: options.inputs }, exitCode: 2 },
    );
  }

  const { run, resumed } = await openRun(store, options.inputs, config);
  emit({ type: 'ingest-start', runId: run.id, resumed, knownSources: files.length });
  logger.info({ runId: run.id, resumed, files: files.length, urls: urls.length }, 'ingest-start');

  const context = await createContext(config, await knownSourceHashes(store, settingsHash(config)));
  const finished = await finishedSourceKeys(store, run.id);
  if (resumed) await restoreDedupeState(store, run.id, context);

  const crawlFailures: CrawlFailure[] = [];
  const batch = new Batch(store, run.id, options.batchSize ?? 64, emit, logger);
  const sources = allSources(files, urls, config, logger, options.signal, crawlFailures);

  for await (const source of sources) {
    options.signal?.throwIfAborted();
    await batch.addFailures(crawlFailures.splice(0), context.settingsHash);
    if (finished.has(source.key)) {
      emit({ type: 'source-done', key: source.key, documents: 0, via: 'skipped' });
      continue;
    }
    finished.add(source.key);
    try {
      const input = await source.read();
      const outcome = await processSource(source, input, context, store);
      await batch.add(outcome.finished, outcome.documents, outcome.superseded);
      emit({
        type: 'source-done',
        key: source.key,
        documents: outcome.finished.items.length,
        via: outcome.via,
      });
    } catch (error) {
      if (source.origin === 'file') {
        await batch.flush();
        throw error;
      }
      logger.warn({ url: source.key, error: describeError(error) }, 'page-skipped');
      const failure = { key: source.key, reason: describeError(error) };
      await batch.addFailures([failure], context.settingsHash);
    }
  }
  await batch.addFailures(crawlFailures.splice(0), context.settingsHash);
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

async function createContext(config: IngestConfig, known: Set<string>): Promise<PipelineContext> {
  const detector = await createLanguageDetector({ minConfidence: config.minLanguageConfidence });
  return {
    config,
    settingsHash: settingsHash(config),
    boilerplate: config.boilerplate.map((pattern) => new RegExp(pattern, 'iu')),
    detectLanguage: (text) => detector.detect(text),
    dedupe: new DedupeState(config.dedupe),
    knownSourceHashes: known,
  };
}

/** Rebuilds the duplicate index from what an interrupted run had already kept. */
async function restoreDedupeState(store: SqlClient, runId: string, context: PipelineContext) {
  const kept = (await runItems(store, runId)).flatMap((item) =>
    item.documentId ? [item.documentId] : [],
  );
  for (let start = 0; start < kept.length; start += 1000) {
    for (const document of await getDocuments(store, kept.slice(start, start + 1000))) {
      const signature = document.minhash ? signatureFromBytes(document.minhash) : null;
      context.dedupe.remember(document.id, {
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

/** Accumulates finished sources and writes them in one transaction per batch. */
class Batch {
  private sources: FinishedSource[] = [];
  private documents: DocumentWithChunks[] = [];
  private superseded: Supersession[] = [];

  constructor(
    private readonly store: SqlClient,
    private readonly runId: string,
    private readonly size: number,
    private readonly emit: IngestEventListener,
    private readonly logger: Logger,
  ) {}

  async add(
    source: FinishedSource,
    documents: DocumentWithChunks[],
    superseded: Supersession[] = [],
  ): Promise<void> {
    this.sources.push(source);
    this.documents.push(...documents);
    this.superseded.push(...superseded);
    if (this.sources.length >= this.size) await this.flush();
  }

  async addFailures(failures: CrawlFailure[], settings: string): Promise<void> {
    for (const failure of failures) {
      this.emit({ type: 'source-failed', key: failure.key, reason: failure.reason });
      await this.add(
        {
          sourceKey: failure.key,
          sourceHash: '',
          settingsHash: settings,
          status: 'failed',
          detail: failure.reason,
          items: [],
        },
        [],
      );
    }
  }

  async flush(): Promise<void> {
    if (this.sources.length === 0) return;
    const sources = this.sources;
    const documents = this.documents;
    const superseded = this.superseded;
    this.sources = [];
    this.documents = [];
    this.superseded = [];
    await this.store.transaction(async (tx) => {
      await insertDocuments(tx, documents);
      await recordSources(tx, this.runId, sources);
      await markSuperseded(tx, this.runId, superseded);
    });
    this.emit({ type: 'batch-stored', sources: sources.length, documents: documents.length });
    this.logger.info(
      { runId: this.runId, sources: sources.length, documents: documents.length },
      'batch-stored',
    );
  }
}
