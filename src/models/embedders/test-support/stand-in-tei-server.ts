import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a Text Embeddings Inference server: `/info`, `/health` and `/embed` with
 * the request, response and error shapes of TEI 1.9 (see ../shared/protocols/TEI.md).
 * Vectors are derived from a hash of the text (after its prompt), so equal texts always get
 * equal vectors. Scripted answers let a test provoke 429, 503 and other failures.
 */
export interface StandInTeiOptions {
  dimension?: number;
  maxClientBatchSize?: number;
  /** Body size over which `/embed` answers 413, as TEI's payload limit does. */
  payloadLimit?: number;
  modelId?: string;
  modelSha?: string | null;
  modelType?: 'embedding' | 'reranker';
  /** The model's sentence-transformers prompts, selected by `prompt_name`. */
  prompts?: Record<string, string>;
  apiKey?: string;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface StandInTeiServer {
  url: string;
  /** Every request received, in order. */
  requests: Array<{ method: string; path: string; body: unknown; authorization?: string }>;
  /** The next `/embed` requests get these answers instead of embeddings. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startStandInTeiServer(
  options: StandInTeiOptions = {},
): Promise<StandInTeiServer> {
  const settings = {
    dimension: 16,
    maxClientBatchSize: 32,
    payloadLimit: 2_000_000,
    modelId: 'stand-in/tei-embedder',
    modelSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    modelType: 'embedding' as const,
    prompts: {} as Record<string, string>,
    ...options,
  };
  const requests: StandInTeiServer['requests'] = [];
  const scripted: ScriptedAnswer[] = [];

  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const path = request.url ?? '/';
    const body = raw.length > 0 ? safeJson(raw) : undefined;
    const authorization = request.headers.authorization;
    requests.push({
      method: request.method ?? 'GET',
      path,
      body,
      ...(authorization ? { authorization } : {}),
    });

    if (path === '/health') return send(response, 200, '');
    if (settings.apiKey && authorization !== `Bearer ${settings.apiKey}`) {
      return send(response, 401, '');
    }
    if (path === '/info') return send(response, 200, info(settings));
    if (path !== '/embed' || request.method !== 'POST') return send(response, 404, '');

    const answer = scripted.shift();
    if (answer) return send(response, answer.status, answer.body, answer.headers);
    if (raw.length > settings.payloadLimit) {
      return send(response, 413, { error: 'Batch size error', error_type: 'Validation' });
    }
    const [status, result] = embed(body, settings);
    send(response, status, result, { 'x-compute-type': 'gpu+optimized', 'x-total-time': '1' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => void scripted.push(...answers),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Settings = Required<Omit<StandInTeiOptions, 'apiKey'>>;

function embed(body: unknown, settings: Settings): [number, unknown] {
  const request = (body ?? {}) as { inputs?: unknown; normalize?: boolean; prompt_name?: string };
  const inputs = typeof request.inputs === 'string' ? [request.inputs] : request.inputs;
  if (settings.modelType !== 'embedding') {
    return [424, { error: 'model is not an embedding model', error_type: 'Backend' }];
  }
  if (!Array.isArray(inputs) || inputs.length === 0) {
    return [400, { error: '`inputs` cannot be empty', error_type: 'Empty' }];
  }
  if (inputs.length > settings.maxClientBatchSize) {
    const limit = settings.maxClientBatchSize;
    const error = `batch size ${inputs.length} > maximum allowed batch size ${limit}`;
    return [422, { error, error_type: 'Validation' }];
  }
  const prompt = request.prompt_name === undefined ? '' : settings.prompts[request.prompt_name];
  if (prompt === undefined) {
    const error = `prompt \`${request.prompt_name}\` cannot be found`;
    return [422, { error, error_type: 'Validation' }];
  }
  return [
    200,
    inputs.map((text) =>
      vectorOf(prompt + String(text), settings.dimension, request.normalize ?? true),
    ),
  ];
}

/** Reproducible pseudo-random numbers seeded by the text's hash. */
function vectorOf(text: string, dimension: number, normalize: boolean): number[] {
  const seed = createHash('sha256').update(text).digest();
  const values = Array.from({ length: dimension }, (_, index) => {
    const byte = seed[index % seed.length]! ^ ((index * 131) % 256);
    return (byte - 127.5) / 64;
  });
  const norm = Math.hypot(...values);
  return normalize ? values.map((value) => value / norm) : values;
}

function info(settings: Settings) {
  return {
    model_id: settings.modelId,
    model_sha: settings.modelSha,
    model_dtype: 'float16',
    served_model_name: settings.modelId,
    model_type:
      settings.modelType === 'embedding'
        ? { embedding: { pooling: 'mean' } }
        : { reranker: { id2label: { 0: 'LABEL_0' }, label2id: { LABEL_0: 0 } } },
    max_concurrent_requests: 512,
    max_input_length: 512,
    max_batch_tokens: 16384,
    max_batch_requests: null,
    max_client_batch_size: settings.maxClientBatchSize,
    auto_truncate: true,
    tokenization_workers: 4,
    version: '1.9.3',
    sha: null,
    docker_label: null,
  };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  response.writeHead(status, { 'content-type': type, ...headers });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
