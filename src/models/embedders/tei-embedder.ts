import pLimit from 'p-limit';
import { MarkwerkError, isMarkwerkError } from '../../core/errors.js';
import type { Embedder, EmbeddingKind } from './embedder.js';
import { assertEmbeddableTexts, l2Normalise, splitIntoBatches } from './embedding-input.js';
import { teiEmbedderConfig, type TeiEmbedderConfigInput } from './tei-embedder-config.js';
import { teiEndpoint, teiRequest, type TeiRequestOptions } from './tei-request.js';

/** The parts of TEI's `/info` answer this client reads. */
interface TeiInfo {
  model_id: string;
  model_sha?: string | null;
  model_type: Record<string, unknown>;
  max_client_batch_size: number;
}

/**
 * A client for a Text Embeddings Inference server's `/embed`. At start it reads `/info`
 * (model id, model_sha as revision, max_client_batch_size) and embeds a probe text to learn
 * the width. Batches go out `concurrency` at a time; a batch the server finds too large
 * (413, or 422 "batch size") is split in halves and sent again.
 * @example
 * const embedder = await createTeiEmbedder({ url: 'http://localhost:8080' });
 */
export async function createTeiEmbedder(
  input: TeiEmbedderConfigInput,
  hooks: Pick<TeiRequestOptions, 'sleep'> = {},
): Promise<Embedder> {
  const config = teiEmbedderConfig.parse(input);
  const request: TeiRequestOptions = { ...config, ...hooks };
  const info = await teiRequest<TeiInfo>(request, '/info');
  const modelId = info.model_id;
  const revision = config.revision ?? info.model_sha ?? undefined;
  if (!('embedding' in info.model_type)) {
    throw configError(
      `TEI server ${config.url} serves ${modelId} as a ${Object.keys(info.model_type).join('/')} ` +
        'model; /embed needs an embedding model. Point url at an embedding server.',
      'url',
    );
  }
  if (revision === undefined) {
    throw configError(
      `TEI server ${config.url} reports no model_sha for ${modelId}; set revision in the ` +
        'embedder configuration so cached vectors stay tied to this model version.',
      'revision',
    );
  }

  const batchSize = Math.max(1, Math.min(config.batchSize ?? Infinity, info.max_client_batch_size));
  const limit = pLimit(config.concurrency);
  const prompts = { query: config.queryPrompt, passage: config.passagePrompt };
  const prefixes = { query: config.queryPrefix, passage: config.passagePrefix };

  const send = async (texts: string[], kind: EmbeddingKind): Promise<Float32Array[]> => {
    const body = { inputs: texts, normalize: true, truncate: config.truncate };
    const prompt = prompts[kind];
    try {
      const rows = await teiRequest<unknown>(request, '/embed', {
        ...body,
        ...(prompt ? { prompt_name: prompt } : {}),
      });
      return toVectors(rows, texts.length, config.url);
    } catch (error) {
      if (!isBatchTooLarge(error) || texts.length === 1) throw error;
      const half = Math.ceil(texts.length / 2);
      const [head, tail] = [texts.slice(0, half), texts.slice(half)];
      return [...(await send(head, kind)), ...(await send(tail, kind))];
    }
  };

  const [probe] = await send(['dimension probe'], 'passage');
  const dimension = probe?.length ?? 0;
  if (config.dimension !== undefined && config.dimension !== dimension) {
    throw configError(
      `TEI server ${config.url} serves ${modelId} with ${dimension}-dimensional vectors, but ` +
        `the configuration says dimension: ${config.dimension}. Set dimension: ${dimension}.`,
      'dimension',
    );
  }

  return {
    modelId,
    revision,
    dimension,
    async embed(texts, kind) {
      assertEmbeddableTexts(texts, modelId);
      const prefixed = texts.map((text) => prefixes[kind] + text);
      const batches = splitIntoBatches(prefixed, batchSize);
      const results = await Promise.all(batches.map((batch) => limit(() => send(batch, kind))));
      const vectors = results.flat();
      const wrongWidth = vectors.find((vector) => vector.length !== dimension);
      if (wrongWidth) throw badAnswer(config.url, `a ${wrongWidth.length}-wide vector`);
      return vectors;
    },
    close: async () => {},
  };
}

function toVectors(rows: unknown, expected: number, url: string): Float32Array[] {
  if (!Array.isArray(rows) || rows.length !== expected) {
    throw badAnswer(
      url,
      `${Array.isArray(rows) ? rows.length : 'no'} vectors for ${expected} texts`,
    );
  }
  return rows.map((row) => {
    if (!Array.isArray(row) || row.some((value) => typeof value !== 'number')) {
      throw badAnswer(url, 'a row that is not a list of numbers');
    }
    return l2Normalise(Float32Array.from(row as number[]));
  });
}

function isBatchTooLarge(error: unknown): boolean {
  if (!isMarkwerkError(error)) return false;
  const status = error.details.status;
  return status === 413 || (status === 422 && /batch size/i.test(error.message));
}

function badAnswer(url: string, what: string): MarkwerkError {
  return new MarkwerkError(
    'FETCH_FAILED',
    `TEI server ${url} answered /embed with ${what}; check that it is a TEI server and ` +
      'that its model did not change while running.',
    { details: { url: teiEndpoint(url, '/embed') } },
  );
}

function configError(message: string, key: string): MarkwerkError {
  return new MarkwerkError('CONFIG_INVALID', message, { details: { key } });
}
