import { existsSync } from 'node:fs';
import path from 'node:path';
import { AutoModelForSequenceClassification, AutoTokenizer, env } from '@huggingface/transformers';
import type { DataType, PreTrainedTokenizer, Tensor } from '@huggingface/transformers';
import { MarkwerkError, describeError } from '../../core/errors.js';
import type { PairEncoding, PairTokenizer } from './cross-encoder-inputs.js';

/** What the cross-encoder needs from a loaded model; tests substitute their own. */
export interface CrossEncoderSession {
  tokenizer: PairTokenizer;
  /** Runs the model and returns its `logits` output. */
  run(feeds: Record<string, Tensor>): Promise<Tensor>;
  dispose(): Promise<void>;
}

export interface CrossEncoderSource {
  /** A Hub id such as `Xenova/bge-reranker-base`, or a path to a local model folder. */
  model: string;
  revision: string;
  dtype: DataType;
  /** Never download; the model must be in a local folder or in `cacheDir`. */
  offline: boolean;
  cacheDir?: string;
}

/** The pair encoding the cross-encoder needs, from a transformers.js tokenizer. */
export function pairTokenizerOf(tokenizer: PreTrainedTokenizer): PairTokenizer {
  return {
    pad_token_id: tokenizer.pad_token_id,
    encodePairs: (queries, passages) =>
      tokenizer(queries, {
        text_pair: passages,
        padding: false,
        truncation: false,
        return_tensor: false,
      }) as unknown as PairEncoding,
  };
}

/** True when `model` names a folder on disk rather than a Hub id. */
export function isLocalModel(model: string): boolean {
  return path.isAbsolute(model) || model.startsWith('.') || existsSync(model);
}

/** Loads the tokenizer and sequence-classification model with transformers.js. */
export async function loadCrossEncoderSession(
  source: CrossEncoderSource,
): Promise<CrossEncoderSession> {
  const local = isLocalModel(source.model);
  const location = local ? path.resolve(source.model) : source.model;
  if (local && !existsSync(location)) {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Reranker model folder ${location} does not exist; check the "model" setting.`,
      { details: { model: source.model } },
    );
  }
  // transformers.js reads this switch at every file lookup, so it is process-wide: once any
  // model is loaded offline, no later load in this process downloads either.
  if (source.offline) env.allowRemoteModels = false;

  const options = {
    revision: source.revision,
    local_files_only: source.offline,
    ...(source.cacheDir === undefined ? {} : { cache_dir: source.cacheDir }),
  };
  try {
    const tokenizer = await AutoTokenizer.from_pretrained(location, options);
    const model = await AutoModelForSequenceClassification.from_pretrained(location, {
      ...options,
      dtype: source.dtype,
    });
    return {
      tokenizer: pairTokenizerOf(tokenizer),
      run: async (feeds) => ((await model(feeds)) as { logits: Tensor }).logits,
      dispose: () => model.dispose().then(() => undefined),
    };
  } catch (error) {
    const hint = source.offline
      ? 'put the model files there (tokenizer.json, config.json, onnx/model*.onnx) or turn ' +
        'offline mode off to download them'
      : 'check the model id, revision and dtype, and that the Hub is reachable';
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Could not load reranker model ${source.model} (${describeError(error)}); ${hint}.`,
      {
        details: { model: source.model, revision: source.revision, offline: source.offline },
        cause: error,
      },
    );
  }
}
