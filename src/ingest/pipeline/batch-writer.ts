import type { Logger } from '../../core/logger.js';
import { insertDocuments } from '../../store/repositories/documents-repository.js';
import type { DocumentWithChunks } from '../../store/repositories/documents-repository.js';
import {
  markSuperseded,
  recordSources,
  type FinishedSource,
} from '../../store/repositories/runs-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import type { CrawlFailure } from '../sources/crawl-sources.js';
import type { IngestEventListener } from './ingest-events.js';
import type { Supersession } from './process-source.js';

/**
 * Accumulates finished sources and writes them, with their documents, in one transaction
 * per batch: a crash loses at most the batch in progress.
 */
export class BatchWriter {
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
