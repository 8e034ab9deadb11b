/**
 * Plumbing shared by the generation stand-in servers: request records, scripted behaviours,
 * pacing and an SSE writer that can split events into small fragments and pause between
 * tokens, so clients meet partial lines, multi-byte characters cut in two and slow tokens.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeStandInError, type StandInError } from './stand-in-errors.js';

/** What the next generation request gets instead of a normal answer. */
export type StandInBehaviour =
  | {
      kind: 'error';
      status: 400 | 401 | 422 | 424 | 429 | 500 | 503;
      message?: string;
      errorType?: string;
      /** `Retry-After` header value (seconds or an HTTP date). */
      retryAfter?: string;
      /**
       * `event` sends the error as an SSE event on a 200 stream, as TGI does on
       * `/generate_stream` for 422/424/429/500 (its default there); `http` answers with the
       * status itself (the default elsewhere, and what proxies and gateways do).
       */
      delivery?: 'http' | 'event';
    }
  /** Streams `afterTokens` tokens, then destroys the socket (or ends cleanly, no final). */
  | { kind: 'drop'; afterTokens: number; clean?: boolean }
  /** Sends an SSE error event after `afterTokens` tokens, as servers do mid-generation. */
  | { kind: 'stream-error'; afterTokens: number; message?: string; errorType?: string }
  /** Answers with exactly this status, body and headers. */
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> };

/** Timing and framing of streamed answers; change it any time with `setPacing`. */
export interface StreamPacing {
  /** Pause before each token after the first, in milliseconds. */
  tokenDelayMs: number;
  /** Pause before the first token (and before a non-streamed answer), in milliseconds. */
  firstTokenDelayMs: number;
  /** When set, every SSE event is written in pieces of this many bytes, 1 ms apart. */
  fragmentBytes?: number | undefined;
  /** Sends a `: keep-alive` comment line before every token event. */
  keepAliveComments?: boolean | undefined;
}

export interface StandInRequestRecord {
  method: string;
  path: string;
  body: unknown;
  authorization?: string;
  /** The LoRA adapter the request asked for (`adapter_id`, or a chat `model` TGI maps). */
  adapterId?: string;
  /** Token events written before the answer ended. */
  tokensSent: number;
  /** True when the client closed the connection before the answer was complete. */
  clientClosed: boolean;
  /** Milliseconds the server spent on the request, pauses included; set when it ends. */
  serverMs?: number;
}

export interface StandInControls {
  url: string;
  /** Every request received, in order. */
  requests: StandInRequestRecord[];
  /** The next generation requests get these behaviours, one each, in order. */
  script(...behaviours: StandInBehaviour[]): void;
  setPacing(pacing: Partial<StreamPacing>): void;
  /** Resolves once every request received so far has finished or been closed. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface StandInExchange {
  request: IncomingMessage;
  response: ServerResponse;
  record: StandInRequestRecord;
  path: string;
  body: unknown;
  /** Takes the next scripted behaviour, if any. */
  nextBehaviour(): StandInBehaviour | undefined;
  pacing: StreamPacing;
}

/** Starts a node:http server on an ephemeral port that hands each exchange to `handle`. */
export async function startStandIn(
  handle: (exchange: StandInExchange) => Promise<void>,
  initialPacing: Partial<StreamPacing> = {},
): Promise<StandInControls> {
  const requests: StandInRequestRecord[] = [];
  const scripted: StandInBehaviour[] = [];
  const pending = new Set<Promise<void>>();
  const pacing: StreamPacing = { tokenDelayMs: 0, firstTokenDelayMs: 0, ...initialPacing };

  const server: Server = createServer((request, response) => {
    const started = performance.now();
    const work = (async () => {
      const raw = await readBody(request);
      const authorization = request.headers.authorization;
      const record: StandInRequestRecord = {
        method: request.method ?? 'GET',
        path: (request.url ?? '/').split('?')[0] ?? '/',
        body: raw.length > 0 ? safeJson(raw) : undefined,
        tokensSent: 0,
        clientClosed: false,
        ...(authorization ? { authorization } : {}),
      };
      requests.push(record);
      response.on('close', () => {
        if (!response.writableFinished) record.clientClosed = true;
        record.serverMs = performance.now() - started;
      });
      await handle({
        request,
        response,
        record,
        path: record.path,
        body: record.body,
        nextBehaviour: () => scripted.shift(),
        pacing: { ...pacing },
      });
    })().catch(() => void response.destroy());
    pending.add(work);
    void work.finally(() => pending.delete(work));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...behaviours) => void scripted.push(...behaviours),
    setPacing: (changes) => void Object.assign(pacing, changes),
    settled: async () => void (await Promise.allSettled([...pending])),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes one JSON (or text) answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  response.writeHead(status, { 'content-type': type, ...headers });
  response.end(text);
}

/** Writes SSE events with the pacing and framing of one exchange. */
export class SseWriter {
  private opened = false;

  constructor(
    private readonly exchange: StandInExchange,
    /** `data:` (TGI, no space) or `data: ` (OpenAI and most others). */
    private readonly prefix: 'data:' | 'data: ',
  ) {}

  /** False once the client has gone; callers stop writing then. */
  get alive(): boolean {
    const { response } = this.exchange;
    return !response.destroyed && !response.writableEnded;
  }

  open(headers: Record<string, string> = {}): void {
    if (this.opened) return;
    this.opened = true;
    this.exchange.response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
      ...headers,
    });
  }

  /** Waits the token's delay, then writes one token event; false if the client is gone. */
  async token(payload: unknown, index: number): Promise<boolean> {
    const { pacing } = this.exchange;
    await pause(index === 0 ? pacing.firstTokenDelayMs : pacing.tokenDelayMs);
    if (pacing.keepAliveComments) await this.write(': keep-alive\n\n');
    const written = await this.event(payload);
    if (written) this.exchange.record.tokensSent += 1;
    return written;
  }

  /** Writes one `data` event (an object as JSON, a string as is). */
  async event(payload: unknown): Promise<boolean> {
    const data = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return this.write(`${this.prefix}${data}\n\n`);
  }

  end(): void {
    if (this.alive) this.exchange.response.end();
  }

  private async write(text: string): Promise<boolean> {
    this.open();
    if (!this.alive) return false;
    const size = this.exchange.pacing.fragmentBytes;
    if (!size) return this.exchange.response.write(text) || true;

    const bytes = Buffer.from(text, 'utf8');
    for (let start = 0; start < bytes.length; start += size) {
      if (!this.alive) return false;
      this.exchange.response.write(bytes.subarray(start, start + size));
      await pause(1);
    }
    return this.alive;
  }
}

/** How a scripted behaviour interrupts a stream: a dropped connection or an error event. */
export interface StreamBreak {
  afterTokens: number;
  drop?: { clean: boolean };
  error?: StandInError;
}

/** The stream interruption a behaviour asks for, if any. */
export function streamBreakOf(behaviour: StandInBehaviour | undefined): StreamBreak | undefined {
  if (behaviour?.kind === 'drop') {
    return { afterTokens: behaviour.afterTokens, drop: { clean: behaviour.clean ?? false } };
  }
  if (behaviour?.kind === 'stream-error') {
    const error = describeStandInError({
      kind: 'error',
      status: 424,
      ...(behaviour.message === undefined ? {} : { message: behaviour.message }),
      ...(behaviour.errorType === undefined ? {} : { errorType: behaviour.errorType }),
    });
    return { afterTokens: behaviour.afterTokens, error };
  }
  if (behaviour?.kind === 'error') {
    return { afterTokens: 0, error: describeStandInError(behaviour) };
  }
  return undefined;
}

export function pause(milliseconds: number): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
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
