import type { DataType } from '@huggingface/transformers';
import { MarkwerkError } from '../../core/errors.js';
import { encodePairs } from './cross-encoder-inputs.js';
import { loadCrossEncoderSession } from './cross-encoder-session.js';
import type { CrossEncoderSession } from './cross-encoder-session.js';
import { passageText, rankByScore } from './rank-hits.js';
import type { RerankCandidate, RerankedHit, Reranker } from './reranker.js';

export interface CrossEncoderRerankerConfig {
  /** Hub id (e.g. `Xenova/bge-reranker-base`) or a local model folder. */
  model: string;
  /** Hub revision, ideally a commit hash; default `main`. */
  revision?: string;
  /** ONNX weights variant; default `fp32` (`q8` picks `model_quantized.onnx`). */
  dtype?: DataType;
  /** Tokens per (query, passage) pair, special tokens included; default 512. */
  maxLength?: number;
  /** Pairs per model run; default 16. */
  batchSize?: number;
  /** Never download; default true when the `HF_HUB_OFFLINE` environment variable is set. */
  offline?: boolean;
  /** Where downloaded models are kept, and where offline Hub ids are looked up. */
  cacheDir?: string;
  /** Which logit is the relevance score: 0 for one-logit heads (bge-reranker), 1 for
   * two-label (not relevant, relevant) heads; default 0. */
  logitIndex?: number;
  /** Pass the logit through a sigmoid, giving scores in 0…1; default false. */
  sigmoid?: boolean;
}

/** Test seam: replaces loading the model with transformers.js. */
export type CrossEncoderLoader = typeof loadCrossEncoderSession;

function offlineByEnvironment(): boolean {
  const value = process.env.HF_HUB_OFFLINE?.trim().toLowerCase();
  return value !== undefined && !['', '0', 'false', 'no', 'off'].includes(value);
}

/**
 * A transformers.js cross-encoder (bge-reranker class models): reads each (query, passage)
 * pair and scores it with the model's relevance logit. Create it with `load`.
 */
export class CrossEncoderReranker implements Reranker {
  private constructor(
    readonly modelId: string,
    readonly revision: string,
    private readonly session: CrossEncoderSession,
    private readonly settings: Required<
      Pick<CrossEncoderRerankerConfig, 'maxLength' | 'batchSize' | 'logitIndex' | 'sigmoid'>
    >,
  ) {}

  /** Loads the tokenizer and model; fails here, at start-up, when they cannot be found. */
  static async load(
    config: CrossEncoderRerankerConfig,
    loader: CrossEncoderLoader = loadCrossEncoderSession,
  ): Promise<CrossEncoderReranker> {
    const maxLength = config.maxLength ?? 512;
    const batchSize = config.batchSize ?? 16;
    if (
      !Number.isInteger(maxLength) ||
      maxLength < 8 ||
      !Number.isInteger(batchSize) ||
      batchSize < 1
    ) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Reranker maxLength ${maxLength} or batchSize ${batchSize} is out of range; use whole ` +
          'numbers, maxLength at least 8 and batchSize at least 1.',
        { details: { key: 'maxLength/batchSize', maxLength, batchSize } },
      );
    }
    const revision = config.revision ?? 'main';
    const session = await loader({
      model: config.model,
      revision,
      dtype: config.dtype ?? 'fp32',
      offline: config.offline ?? offlineByEnvironment(),
      cacheDir: config.cacheDir,
    });
    return new CrossEncoderReranker(config.model, revision, session, {
      maxLength,
      batchSize,
      logitIndex: config.logitIndex ?? 0,
      sigmoid: config.sigmoid ?? false,
    });
  }

  async rerank(query: string, candidates: RerankCandidate[]): Promise<RerankedHit[]> {
    const scores: number[] = [];
    const { batchSize, maxLength } = this.settings;
    for (let start = 0; start < candidates.length; start += batchSize) {
      const passages = candidates.slice(start, start + batchSize).map(passageText);
      const feeds = encodePairs(this.session.tokenizer, query, passages, maxLength);
      scores.push(...this.relevance(await this.session.run(feeds), passages.length));
    }
    return rankByScore(candidates, scores);
  }

  async close(): Promise<void> {
    await this.session.dispose();
  }

  private relevance(logits: { dims: number[]; data: ArrayLike<number> }, pairs: number): number[] {
    const [rows, labels = 0, ...rest] = logits.dims;
    const { logitIndex, sigmoid } = this.settings;
    if (rows !== pairs || rest.length > 0 || logitIndex >= labels) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Reranker model ${this.modelId} returned logits of shape [${logits.dims.join(', ')}] ` +
          `for ${pairs} pairs; a cross-encoder gives [pairs, labels] with more than ` +
          `${logitIndex} labels. Use a sequence-classification reranker model or fix logitIndex.`,
        { details: { key: 'model', model: this.modelId, shape: logits.dims, logitIndex } },
      );
    }
    return Array.from({ length: rows }, (_, row) => {
      const logit = Number(logits.data[row * labels + logitIndex]);
      return sigmoid ? 1 / (1 + Math.exp(-logit)) : logit;
    });
  }
}
