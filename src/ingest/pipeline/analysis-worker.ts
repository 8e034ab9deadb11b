import { parentPort, workerData } from 'node:worker_threads';
import type { IngestConfig } from '../../core/config-schema.js';
import { analyseSource, createAnalysisContext, type SourceInput } from './analyse-source.js';
import { serialiseError } from './worker-errors.js';

/** Worker thread entry: analyses sources sent by the pool, one reply per request. */
const context = await createAnalysisContext((workerData as { config: IngestConfig }).config);

parentPort?.on('message', async (message: { id: number; input: SourceInput }) => {
  try {
    const documents = await analyseSource(message.input, context);
    parentPort?.postMessage({ id: message.id, documents });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: serialiseError(error) });
  }
});
parentPort?.postMessage({ ready: true });
