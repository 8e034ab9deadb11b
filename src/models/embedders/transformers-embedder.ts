import path from 'node:path';
import { AutoModel, AutoTokenizer, env, type Tensor } from '@huggingface/transformers';
import { MarkwerkError } from '../../core/errors.js';
import type { Embedder, EmbeddingKind } from './embedder.js';
import { assertEmbeddableTexts, splitIntoBatches } from './embedding-input.js';
import { poolTokenStates } from './pool-token-states.js';
import {
  transformersEmbedderConfig,
  type TransformersEmbedderConfigInput,
} from './transformers-embedder-config.js';

const PROBE_TEXT = 'dimension probe';

/**
 * Loads a transformers.js (ONNX) model and embeds with it. Offline, when `offline` is set
 * or `HF_HUB_OFFLINE=1`, remote loading is switched off for the whole process
 * (`env.allowRemoteModels = false`) and the model comes from `localModelPath` or a folder
 * path. The configured `dimension` is checked against a probe embedding at load.
 * @example
 * const embedder = await createTransformersEmbedder({
 *   model: 'intfloat/multilingual-e5-small', revision: '<commit>', dimension: 384,
 *   queryPrefix: 'query: ', passagePrefix: 'passage: ',
 * });
 */
export async function createTransformersEmbedder(
  input: TransformersEmbedderConfigInput,
): Promise<Embedder> {
  const config = transformersEmbedderConfig.parse(input);
  const offline = config.offline || process.env.HF_HUB_OFFLINE === '1';
  if (offline) env.allowRemoteModels = false;
  const location = resolveLocation(config.model, config.localModelPath);
  const loadOptions = { revision: config.revision, local_files_only: offline };

  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(location, loadOptions),
    AutoModel.from_pretrained(location, { ...loadOptions, dtype: config.dtype }),
  ]).catch((error: unknown) => {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Could not load embedding model ${config.model} from ${location}` +
        `${offline ? ' (offline)' : ''}: ${(error as Error).message}. Check the model id or ` +
        'folder and that it holds tokenizer.json, config.json and onnx/model*.onnx for ' +
        `dtype ${config.dtype}.`,
      { details: { model: config.model, location, offline, dtype: config.dtype }, cause: error },
    );
  });

  const prefixes: Record<EmbeddingKind, string> = {
    query: config.queryPrefix,
    passage: config.passagePrefix,
  };
  const embedBatch = async (texts: string[]): Promise<Float32Array[]> => {
    const inputs = tokenizer(texts, {
      padding: true,
      truncation: true,
      ...(config.maxLength === undefined ? {} : { max_length: config.maxLength }),
    });
    const outputs = (await model(inputs)) as Record<string, Tensor>;
    const output = pickOutput(outputs, config.pooling);
    const mask = (inputs as { attention_mask: Tensor }).attention_mask;
    return poolTokenStates(
      { dims: output.dims, data: output.data as ArrayLike<number> },
      mask.data as ArrayLike<number | bigint>,
      config.pooling,
      config.normalize,
    );
  };

  const [probe] = await embedBatch([PROBE_TEXT]).catch((error: unknown) => {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `Embedding model ${config.model} cannot be used as configured: ${(error as Error).message}.`,
      { details: { key: 'pooling', pooling: config.pooling }, cause: error },
    );
  });
  checkProbe(probe, config);

  return {
    modelId: config.model,
    revision: config.revision,
    dimension: config.dimension,
    async embed(texts, kind) {
      assertEmbeddableTexts(texts, config.model);
      const prefixed = texts.map((text) => prefixes[kind] + text);
      const vectors: Float32Array[] = [];
      for (const batch of splitIntoBatches(prefixed, config.batchSize)) {
        vectors.push(...(await embedBatch(batch)));
      }
      return vectors;
    },
    close: () => model.dispose().then(() => undefined),
  };
}

/** A path (absolute, or starting with ".") or an id under `localModelPath` loads from disk. */
function resolveLocation(model: string, localModelPath: string | undefined): string {
  if (path.isAbsolute(model) || model.startsWith('.')) return path.resolve(model);
  if (localModelPath !== undefined) return path.resolve(localModelPath, model);
  return model;
}

function pickOutput(outputs: Record<string, Tensor>, pooling: string): Tensor {
  const pooled = pooling === 'none' ? outputs.sentence_embedding : undefined;
  const output = pooled ?? outputs.last_hidden_state ?? outputs.token_embeddings ?? outputs.logits;
  const fallback = output ?? Object.values(outputs)[0];
  if (fallback === undefined) throw new Error('the model returned no output tensor');
  return fallback.type === 'float16' ? fallback.to('float32') : fallback;
}

function checkProbe(
  probe: Float32Array | undefined,
  config: { model: string; dimension: number; normalize: boolean },
): void {
  const width = probe?.length ?? 0;
  if (width !== config.dimension) {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `Embedding model ${config.model} produces ${width}-dimensional vectors, but the ` +
        `configuration says dimension: ${config.dimension}. Set dimension: ${width}, or ` +
        `choose a model with ${config.dimension} dimensions.`,
      { details: { key: 'dimension', expected: config.dimension, actual: width } },
    );
  }
  const vector = probe ?? new Float32Array(0);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (!config.normalize && Math.abs(norm - 1) > 1e-3) {
    throw new MarkwerkError(
      'CONFIG_INVALID',
      `Embedding model ${config.model} returns vectors of length ${norm.toFixed(4)}, not 1, ` +
        'and normalize is false. Set normalize: true.',
      { details: { key: 'normalize', norm } },
    );
  }
}
