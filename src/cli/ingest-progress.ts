import cliProgress from 'cli-progress';
import type { IngestEvent } from '../ingest/pipeline/ingest-events.js';

/**
 * Renders ingest events as a progress bar on stderr when it is a terminal; otherwise
 * stays quiet (stdout is for results, and logs carry the events).
 */
export function ingestProgress(enabled: boolean): {
  onEvent(event: IngestEvent): void;
  stop(): void;
} {
  if (!enabled || !process.stderr.isTTY) return { onEvent: () => undefined, stop: () => undefined };

  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'ingest [{bar}] {value}/{total} sources | {documents} documents | {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let documents = 0;
  let total = 0;
  let done = 0;

  return {
    onEvent(event) {
      switch (event.type) {
        case 'ingest-start':
          total = event.knownSources;
          bar.start(Math.max(total, 1), 0, { documents });
          break;
        case 'source-done':
        case 'source-failed':
          done += 1;
          if (event.type === 'source-done') documents += event.documents;
          if (done > total) bar.setTotal((total = done));
          bar.update(done, { documents });
          break;
        default:
          break;
      }
    },
    stop: () => bar.stop(),
  };
}
