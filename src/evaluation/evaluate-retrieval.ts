/**
 * Runs a retrieval system over a test collection and reports quality and speed.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { UsageError } from '../core/errors.js';
import type { ScoredHit } from '../retrieval/types.js';
import type { BeirDataset, BeirDocument } from './beir-dataset.js';
import { percentile } from './percentile.js';
import { meanOverQueries, ndcgAtK, recallAtK, reciprocalRankAtK } from './retrieval-metrics.js';

/** Anything that can index documents and answer a query with scored hits. */
export interface RetrievalSystem {
  name: string;
  index(documents: BeirDocument[]): Promise<void> | void;
  search(query: string, k: number): Promise<ScoredHit[]> | ScoredHit[];
}

export interface EvaluateRetrievalOptions {
  /** Cutoff for nDCG and MRR. Default 10. */
  k?: number;
  /** Hits asked of the system per query, and the recall cutoff. Default 100. */
  depth?: number;
  /** What the system was asked to do (bm25, dense, hybrid…). Default: the system's name. */
  mode?: string;
  /**
   * Run every query once, untimed, before the timed pass, so latencies describe a warmed-up
   * process (JIT-compiled code) rather than its first seconds. Default false.
   */
  warmup?: boolean;
}

type MetricKey = `ndcg@${number}` | `recall@${number}` | `mrr@${number}`;

/**
 * One evaluation. With the default cutoffs the metric keys are `ndcg@10`, `recall@100` and
 * `mrr@10`; other cutoffs rename them to match. Times are milliseconds.
 */
export type RetrievalEvaluation = {
  system: string;
  dataset: string;
  mode: string;
  queries: number;
  index_ms: number;
  p50_ms: number;
  p95_ms: number;
} & { [key in MetricKey]: number };

/**
 * Indexes the dataset's documents, runs every judged query one at a time, and scores the
 * run as trec_eval would (see retrieval-metrics.ts). `index_ms` is the wall time of
 * `index`; `p50_ms` and `p95_ms` are nearest-rank percentiles of each `search` call's
 * wall time; without `warmup` the first queries' compilation is included.
 */
export async function evaluateRetrieval(
  dataset: Pick<BeirDataset, 'name' | 'documents' | 'queries' | 'qrels'>,
  system: RetrievalSystem,
  options: EvaluateRetrievalOptions = {},
): Promise<RetrievalEvaluation> {
  const k = options.k ?? 10;
  const depth = options.depth ?? 100;
  for (const [name, value] of Object.entries({ k, depth })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${name} must be a whole number of at least 1, not ${value}.`, {
        [name]: value,
      });
    }
  }

  const indexStart = performance.now();
  await system.index(dataset.documents);
  const indexMs = performance.now() - indexStart;

  if (options.warmup) {
    for (const query of dataset.queries) await system.search(query.text, depth);
  }

  const run = new Map<string, readonly ScoredHit[]>();
  const latencies: number[] = [];
  for (const query of dataset.queries) {
    const start = performance.now();
    const hits = await system.search(query.text, depth);
    latencies.push(performance.now() - start);
    run.set(query.id, hits);
  }

  const ndcg = meanOverQueries(run, dataset.qrels, (hits, judged) => ndcgAtK(hits, judged, k));
  const recall = meanOverQueries(run, dataset.qrels, (hits, judged) =>
    recallAtK(hits, judged, depth),
  );
  const mrr = meanOverQueries(run, dataset.qrels, (hits, judged) =>
    reciprocalRankAtK(hits, judged, k),
  );

  return {
    system: system.name,
    dataset: dataset.name,
    mode: options.mode ?? system.name,
    queries: ndcg.queries,
    [`ndcg@${k}`]: ndcg.mean,
    [`recall@${depth}`]: recall.mean,
    [`mrr@${k}`]: mrr.mean,
    index_ms: roundMs(indexMs),
    p50_ms: roundMs(percentile(latencies, 50)),
    p95_ms: roundMs(percentile(latencies, 95)),
  } as RetrievalEvaluation;
}

/** Milliseconds to the microsecond: finer digits are timer noise. */
function roundMs(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000;
}
