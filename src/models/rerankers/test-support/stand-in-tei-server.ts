import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInTeiOptions {
  maxClientBatchSize?: number;
  /** Bodies over this many bytes get 413, like TEI's `--payload-limit`. */
  payloadLimit?: number;
  /** With a key, every route but /health needs exactly `Authorization: Bearer <key>`. */
  apiKey?: string;
  modelType?: Record<string, unknown>;
}

/** A response the server gives instead of the real one, for the next request to /rerank. */
export interface ScriptedFailure {
  status: number;
  body?: unknown;
  retryAfter?: string;
  /** Wait this long before answering, to run into the client's timeout. */
  delayMs?: number;
}

export interface RerankRequestRecord {
  query: string;
  texts: string[];
  raw_scores?: boolean;
  truncate?: boolean;
  authorization?: string;
}

export interface StandInTeiServer {
  url: string;
  /** Every /rerank body that reached the scoring step, in arrival order. */
  requests: RerankRequestRecord[];
  /** Every request to /rerank, answered or not. */
  attempts: number;
  failNext(...failures: ScriptedFailure[]): void;
  close(): Promise<void>;
}

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z0-9]+/g));

/** The share of query words in the text, as a logit around 0; stands in for a cross-encoder. */
export function standInLogit(query: string, text: string): number {
  const queryWords = words(query);
  const textWords = words(text);
  const found = [...queryWords].filter((word) => textWords.has(word)).length;
  return queryWords.size === 0 ? -4 : (8 * found) / queryWords.size - 4;
}

function send(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A stand-in for a Text Embeddings Inference server running a reranker: `/info` and
 * `/rerank` with TEI's limits, status codes and error bodies, scoring by word overlap.
 */
export async function startStandInTeiServer(
  options: StandInTeiOptions = {},
): Promise<StandInTeiServer> {
  const maxBatch = options.maxClientBatchSize ?? 32;
  const scripted: ScriptedFailure[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state = { requests: [] as RerankRequestRecord[], attempts: 0 };

  const rerank = async (request: IncomingMessage, response: ServerResponse) => {
    state.attempts += 1;
    const raw = await readBody(request);
    const failure = scripted.shift();
    if (failure) {
      const answer = () =>
        send(
          response,
          failure.status,
          failure.body ?? { error: 'scripted', error_type: 'Backend' },
          {
            ...(failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter }),
          },
        );
      if (!failure.delayMs) return answer();
      const timer = setTimeout(answer, failure.delayMs);
      timers.add(timer);
      return;
    }
    if (options.payloadLimit !== undefined && raw.length > options.payloadLimit) {
      response.writeHead(413).end('Failed to buffer the request body: length limit exceeded');
      return;
    }
    const body = JSON.parse(raw.toString('utf8')) as RerankRequestRecord & {
      return_text?: boolean;
    };
    if (body.texts.length === 0) {
      return send(response, 400, { error: '`texts` cannot be empty', error_type: 'Empty' });
    }
    if (body.texts.length > maxBatch) {
      const error = `batch size ${body.texts.length} > maximum allowed batch size ${maxBatch}`;
      return send(response, 422, { error, error_type: 'Validation' });
    }
    state.requests.push({ ...body, authorization: request.headers.authorization });
    const ranks = body.texts.map((text, index) => {
      const logit = standInLogit(body.query, text);
      const score = body.raw_scores ? logit : 1 / (1 + Math.exp(-logit));
      return { index, score, ...(body.return_text ? { text } : {}) };
    });
    send(
      response,
      200,
      ranks.sort((left, right) => right.score - left.score),
    );
  };

  const server = createServer((request, response) => {
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      response.writeHead(401).end();
      return;
    }
    if (request.method === 'GET' && request.url === '/info') {
      return send(response, 200, {
        model_id: 'stand-in/word-overlap-reranker',
        model_sha: null,
        model_dtype: 'float32',
        served_model_name: 'stand-in/word-overlap-reranker',
        model_type: options.modelType ?? { reranker: { id2label: { 0: 'LABEL_0' } } },
        max_concurrent_requests: 512,
        max_input_length: 512,
        max_batch_tokens: 16384,
        max_client_batch_size: maxBatch,
        auto_truncate: true,
        tokenization_workers: 1,
        version: 'stand-in',
      });
    }
    if (request.method === 'POST' && request.url === '/rerank') {
      rerank(request, response).catch((error: unknown) => {
        send(response, 422, { error: String(error), error_type: 'Validation' });
      });
      return;
    }
    send(response, 404, { error: 'not found', error_type: 'Validation' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    get attempts() {
      return state.attempts;
    },
    failNext: (...failures) => scripted.push(...failures),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
