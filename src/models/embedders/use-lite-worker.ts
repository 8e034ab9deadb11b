import { parentPort } from 'node:worker_threads';
import { loadUseLiteModel } from './use-lite-model.js';

/**
 * Worker thread entry: loads the model once, then embeds one batch per message. Vectors
 * travel back as one flat Float32Array whose buffer is transferred, not copied.
 */
const model = await loadUseLiteModel();

parentPort?.on('message', async (message: { texts: string[] }) => {
  try {
    const vectors = await model.embedBatch(message.texts);
    const width = vectors[0]?.length ?? 0;
    const flat = new Float32Array(vectors.length * width);
    vectors.forEach((vector, row) => flat.set(vector, row * width));
    parentPort?.postMessage({ flat, width }, [flat.buffer]);
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
