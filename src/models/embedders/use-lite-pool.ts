import { Worker } from 'node:worker_threads';

/** Worker threads that each hold a model and embed one batch at a time. */
export interface BatchPool {
  readonly size: number;
  /** Embeds one batch on the next free thread. */
  run(texts: string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

type Job = { texts: string[]; resolve(vectors: Float32Array[]): void; reject(error: Error): void };
type Reply = { ready: true } | { flat: Float32Array; width: number } | { error: string };

/**
 * Starts `size` threads running `script` and resolves once every one has loaded its model.
 * Batches wait in one queue and go to whichever thread frees up first, so a slow batch
 * never holds back the others.
 */
export async function startBatchPool(script: URL, size: number): Promise<BatchPool> {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let failure: Error | undefined;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.postMessage({ texts: job.texts });
    }
  };
  const fail = (error: Error) => {
    failure = error;
    for (const job of [...running.values(), ...queue.splice(0)]) job.reject(error);
    running.clear();
  };

  const workers = Array.from({ length: size }, () => new Worker(script));
  const start = (worker: Worker): Promise<Worker> =>
    new Promise((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) return resolve(worker);
        const job = running.get(worker);
        running.delete(worker);
        if ('error' in reply) job?.reject(new Error(reply.error));
        else job?.resolve(unpack(reply.flat, reply.width));
        idle.push(worker);
        dispatch();
      });
      worker.on('error', (error) => {
        reject(error);
        fail(new Error(`A USE lite worker thread failed: ${error.message}`, { cause: error }));
      });
      worker.on('exit', (code) => {
        if (failure) return;
        const error = new Error(`A USE lite worker thread stopped with exit code ${code}.`);
        reject(error);
        fail(error);
      });
    });

  try {
    idle.push(...(await Promise.all(workers.map(start))));
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw new Error(`Could not start USE lite worker threads: ${(error as Error).message}`, {
      cause: error,
    });
  }

  return {
    size: workers.length,
    run(texts) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ texts, resolve, reject });
        dispatch();
      });
    },
    async close() {
      fail(new Error('The USE lite embedder was closed; create a new one to embed again.'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function unpack(flat: Float32Array, width: number): Float32Array[] {
  const rows = width === 0 ? 0 : flat.length / width;
  return Array.from({ length: rows }, (_, row) => flat.slice(row * width, (row + 1) * width));
}
