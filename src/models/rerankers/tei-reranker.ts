import pLimit from 'p-limit';
import { MarkwerkError } from '../../core/errors.js';
import { teiRequest } from './tei-http.js';
import type { TeiRequestPolicy } from './tei-http.js';
import { passageText, rankByScore } from './rank-hits.js';
import type { RerankCandidate, RerankedHit, Reranker } from './reranker.js';

export interface TeiRerankerConfig {
  /** Base URL of the TEI server, e.g. `http://localhost:8080`. */
  url: string;
  /** Sent as `Authorization: Bearer …` when the server was started with `--api-key`. */
  apiKey?: string;
  /** Per request; default 30 000. */
  timeoutMs?: number;
  /** Retries of a busy (429/502/503/504) or unreachable server; default 3. */
  maxRetries?: number;
  /** Default 250; doubles per retry. */
  retryBaseDelayMs?: number;
  /** Default 10 000; a Retry-After asking for longer fails at once. */
  maxRetryDelayMs?: number;
  /** Texts per request; default and upper bound: the server's `max_client_batch_size`. */
  maxBatchSize?: number;
  /** Requests in flight per rerank call; default 4. */
  concurrency?: number;
  /** Raw logits instead of TEI's sigmoid scores; default false. */
  rawScores?: boolean;
  /** Let the server cut pairs longer than its `max_input_length`; default true. */
  truncate?: boolean;
}

/** The parts of TEI's `/info` this client reads. */
export interface TeiInfo {
  model_id: string;
  model_sha?: string | null;
  model_type: Record<string, unknown>;
  max_client_batch_size: number;
  max_input_length?: number;
}

interface Rank {
  index: number;
  score: number;
}

/**
 * A client for a Text Embeddings Inference server running a reranker model (`/rerank`).
 * Create it with `connect`, which reads the model and batch limits from `/info`.
 */
export class TeiReranker implements Reranker {
  private readonly limit: ReturnType<typeof pLimit>;

  private constructor(
    readonly info: TeiInfo,
    private readonly baseUrl: string,
    private readonly batchSize: number,
    private readonly config: TeiRerankerConfig,
    private readonly policy: TeiRequestPolicy,
  ) {
    this.limit = pLimit(config.concurrency ?? 4);
  }

  get modelId(): string {
    return this.info.model_id;
  }

  /** Reads `/info`; fails at start-up when the server is unreachable or not a reranker. */
  static async connect(config: TeiRerankerConfig): Promise<TeiReranker> {
    const baseUrl = config.url.replace(/\/+$/, '');
    const policy: TeiRequestPolicy = {
      timeoutMs: config.timeoutMs ?? 30_000,
      maxRetries: config.maxRetries ?? 3,
      retryBaseDelayMs: config.retryBaseDelayMs ?? 250,
      maxRetryDelayMs: config.maxRetryDelayMs ?? 10_000,
      apiKey: config.apiKey,
    };
    const info = (await teiRequest(`${baseUrl}/info`, undefined, policy)) as TeiInfo;
    if (!info || typeof info.model_type !== 'object' || !('reranker' in info.model_type)) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `The TEI server at ${baseUrl} does not serve a reranker model (model_type ` +
          `${JSON.stringify(info?.model_type)}); point the reranker url at a TEI started ` +
          'with a reranker such as BAAI/bge-reranker-base.',
        { details: { key: 'url', url: baseUrl, model: info?.model_id } },
      );
    }
    const serverLimit = info.max_client_batch_size > 0 ? info.max_client_batch_size : 32;
    const batchSize = Math.max(1, Math.min(config.maxBatchSize ?? serverLimit, serverLimit));
    return new TeiReranker(info, baseUrl, batchSize, config, policy);
  }

  async rerank(query: string, candidates: RerankCandidate[]): Promise<RerankedHit[]> {
    const texts = candidates.map(passageText);
    const scores = new Float64Array(candidates.length);
    const batches: Promise<void>[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const end = Math.min(start + this.batchSize, texts.length);
      batches.push(this.limit(() => this.scoreRange(query, texts, start, end, scores)));
    }
    await Promise.all(batches);
    return rankByScore(candidates, scores);
  }

  async close(): Promise<void> {
    this.limit.clearQueue();
  }

  /** Scores texts[start, end) into `scores`; halves the batch when the body is too large. */
  private async scoreRange(
    query: string,
    texts: string[],
    start: number,
    end: number,
    scores: Float64Array,
  ): Promise<void> {
    const body = {
      query,
      texts: texts.slice(start, end),
      raw_scores: this.config.rawScores ?? false,
      return_text: false,
      truncate: this.config.truncate ?? true,
    };
    let ranks: unknown;
    try {
      ranks = await teiRequest(`${this.baseUrl}/rerank`, body, this.policy);
    } catch (error) {
      const tooLarge = error instanceof MarkwerkError && error.details.status === 413;
      if (!tooLarge || end - start < 2) throw error;
      const middle = start + Math.floor((end - start) / 2);
      await this.scoreRange(query, texts, start, middle, scores);
      await this.scoreRange(query, texts, middle, end, scores);
      return;
    }
    this.store(ranks, end - start, scores, start);
  }

  private store(ranks: unknown, count: number, scores: Float64Array, offset: number): void {
    if (!isOneRankPerText(ranks, count)) {
      throw new MarkwerkError(
        'FETCH_FAILED',
        `TEI at ${this.baseUrl}/rerank answered with something other than one {index, score} ` +
          `per text (${count} texts); check that the url points at a TEI server.`,
        { details: { url: `${this.baseUrl}/rerank`, status: 200, texts: count } },
      );
    }
    for (const rank of ranks) scores[offset + rank.index] = rank.score;
  }
}

function isOneRankPerText(ranks: unknown, count: number): ranks is Rank[] {
  if (!Array.isArray(ranks) || ranks.length !== count) return false;
  const seen = new Set<number>();
  for (const rank of ranks as (Partial<Rank> | null)[]) {
    const index = rank?.index ?? -1;
    if (!Number.isInteger(index) || index < 0 || index >= count || seen.has(index)) return false;
    if (typeof rank?.score !== 'number') return false;
    seen.add(index);
  }
  return true;
}
