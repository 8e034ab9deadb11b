/** What an ingest run reports while it works; the CLI turns these into a progress bar. */
export type IngestEvent =
  | { type: 'ingest-start'; runId: string; resumed: boolean; knownSources: number }
  | {
      type: 'source-done';
      key: string;
      documents: number;
      /** skipped: finished before a crash; reused: same bytes seen in an earlier run. */
      via: 'processed' | 'reused' | 'skipped';
    }
  | { type: 'source-failed'; key: string; reason: string }
  | { type: 'batch-stored'; sources: number; documents: number }
  | { type: 'version-committed'; versionId: string; unchanged: boolean };

export type IngestEventListener = (event: IngestEvent) => void;
