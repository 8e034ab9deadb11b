import path from 'node:path';
import { AutoModel, AutoTokenizer, env, type Tensor } from '@huggingface/transformers';
import { MarkwerkError } from '../../core/errors.js';
import {
  transformersEmbedderConfig,
  type TransformersEmbedderConfigInput,
} from '../../models/embedders/transformers-embedder-config.js';
import { unitVector, type TokenEncoder, type TokenEncoding } from './token-encoder.js';

/**
 * Contextual token states from the configured transformers.js model: the last hidden state
 * of every token except the special ones ([CLS], [SEP] and the like), each scaled to unit
 * length. The BERTScore paper picks a tuned intermediate layer per model; transformers.js
 * exposes the last layer, so that is what is used. Query and passage prefixes are not added.
 * Texts are run one at a time, so padding never enters a token's context.
 */
export async function createTransformersTokenEncoder(
  input: TransformersEmbedderConfigInput,
): Promise<TokenEncoder> {
  const config = transformersEmbedderConfig.parse(input);
  const offline = config.offline || process.env.HF_HUB_OFFLINE === '1';
  if (offline) env.allowRemoteModels = false;
  const location =
    path.isAbsolute(config.model) || config.model.startsWith('.')
      ? path.resolve(config.model)
      : config.localModelPath === undefined
        ? config.model
        : path.resolve(config.localModelPath, config.model);
  const loadOptions = { revision: config.revision, local_files_only: offline };

  const [tokenizer, model] = await Promise.all([
    AutoTokenizer.from_pretrained(location, loadOptions),
    AutoModel.from_pretrained(location, { ...loadOptions, dtype: config.dtype }),
  ]).catch((error: unknown) => {
    throw new MarkwerkError(
      'INPUT_NOT_FOUND',
      `Could not load ${config.model} from ${location} for BERTScore: ` +
        `${(error as Error).message}. Check the model id or folder (tokenizer.json, ` +
        `config.json, onnx/model*.onnx for dtype ${config.dtype}).`,
      { details: { model: config.model, location, offline }, cause: error },
    );
  });
  const special = new Set(tokenizer.all_special_ids);

  const encodeOne = async (text: string): Promise<TokenEncoding> => {
    const inputs = tokenizer(text, {
      truncation: true,
      ...(config.maxLength === undefined ? {} : { max_length: config.maxLength }),
    });
    const ids = Array.from(
      (inputs as { input_ids: Tensor }).input_ids.data as ArrayLike<bigint>,
      Number,
    );
    const outputs = (await model(inputs)) as Record<string, Tensor>;
    const output = outputs.last_hidden_state ?? outputs.token_embeddings ?? outputs.logits;
    if (output === undefined || output.dims.length !== 3) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `${config.model} returns no per-token states, which BERTScore needs; use an encoder ` +
          'model such as a BERT or XLM-R checkpoint.',
        { details: { key: 'retrieval.embedder.model', model: config.model } },
      );
    }
    const states = output.type === 'float16' ? output.to('float32') : output;
    const width = states.dims[2]!;
    const data = states.data as Float32Array;
    const tokens: string[] = [];
    const vectors: Float32Array[] = [];
    ids.forEach((id, position) => {
      if (special.has(id)) return;
      tokens.push(String(id));
      vectors.push(unitVector(data.subarray(position * width, (position + 1) * width)));
    });
    return { tokens, vectors };
  };

  return {
    modelId: config.model,
    method: 'contextual',
    async encode(texts) {
      const encodings: TokenEncoding[] = [];
      for (const text of texts) encodings.push(await encodeOne(text));
      return encodings;
    },
    close: () => model.dispose().then(() => undefined),
  };
}
