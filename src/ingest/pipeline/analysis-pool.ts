import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IngestConfig } from '../../core/config-schema.js';
import {
  analyseSource,
  createAnalysisContext,
  type AnalysedDocument,
  type SourceInput,
} from './analyse-source.js';
import { deserialiseError, type SerialisedError } from './worker-errors.js';

/** Runs `analyseSource` on worker threads, or in this thread when there are none. */
export interface SourceAnalyser {
  readonly threads: number;
  analyse(input: SourceInput): Promise<AnalysedDocument[]>;
  close(): Promise<void>;
}

const WORKER_SCRIPT = new URL('./analysis-worker.js', import.meta.url);

type Reply = { id: number; documents?: AnalysedDocument[]; error?: SerialisedError };
type Pending = { resolve(documents: AnalysedDocument[]): void; reject(error: Error): void };

/**
 * A pool of `workers` threads. The worker script exists only in the compiled build;
 * run from TypeScript sources (tests), analysis stays in this thread.
 */
export async function createSourceAnalyser(
  config: IngestConfig,
  workers: number,
): Promise<SourceAnalyser> {
  if (workers <= 0 || !existsSync(fileURLToPath(WORKER_SCRIPT))) {
    const context = await createAnalysisContext(config);
    return { threads: 0, analyse: (input) => analyseSource(input, context), close: async () => {} };
  }

  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const threads = await Promise.all(
    Array.from({ length: workers }, () => startWorker(config, pending, load)),
  );

  return {
    threads: threads.length,
    analyse(input) {
      const worker = threads.reduce((best, candidate) =>
        (load.get(candidate) ?? 0) < (load.get(best) ?? 0) ? candidate : best,
      );
      const id = nextId++;
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: (documents) => {
            load.set(worker, (load.get(worker) ?? 1) - 1);
            resolve(documents);
          },
          reject: (error) => {
            load.set(worker, (load.get(worker) ?? 1) - 1);
            reject(error);
          },
        });
        worker.postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(threads.map((worker) => worker.terminate()));
    },
  };
}

function startWorker(
  config: IngestConfig,
  pending: Map<number, Pending>,
  load: Map<Worker, number>,
): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { config } });
    load.set(worker, 0);
    worker.on('message', (message: Reply | { ready: true }) => {
      if ('ready' in message) return resolve(worker);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(deserialiseError(message.error));
      else waiting?.resolve(message.documents ?? []);
    });
    worker.on('error', (error) => {
      reject(error);
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(new Error(`an ingest worker thread failed: ${error.message}`));
      }
    });
  });
}
