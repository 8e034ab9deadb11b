/**
 * A stand-in for a Text Generation Inference server (router 3.3, see
 * ../shared/protocols/TGI.md): `/info`, `/health`, `/generate`, `/generate_stream`,
 * `/v1/chat/completions` and `/v1/models`, with TGI's validation rules, SSE framing
 * (`data:` without a space, no `[DONE]`, the last token event carrying `generated_text` and
 * `details`), error bodies and `adapter_id`. The "model" echoes the prompt's words in upper
 * case (see stand-in-token-plan.ts). Scripted behaviours provoke errors, 429 with
 * Retry-After, dropped connections and mid-stream errors; pacing gives slow tokens.
 * @module
 */
import { handleChatCompletion } from './stand-in-chat-route.js';
import {
  describeStandInError,
  tgiErrorBody,
  validationError,
  type StandInError,
} from './stand-in-errors.js';
import {
  pause,
  sendJson,
  SseWriter,
  startStandIn,
  streamBreakOf,
  type StandInControls,
  type StandInExchange,
  type StreamBreak,
  type StreamPacing,
} from './stand-in-http.js';
import { countStandInTokens, planReply, type TokenPlan } from './stand-in-token-plan.js';

export interface StandInTgiOptions {
  modelId?: string;
  maxInputTokens?: number;
  maxTotalTokens?: number;
  maxStopSequences?: number;
  /** LoRA adapters the server has loaded; others get 422. Unset: any name is accepted. */
  adapters?: string[];
  /** When set, generation routes need `Authorization: Bearer <apiKey>` (else a bare 401). */
  apiKey?: string;
  pacing?: Partial<StreamPacing>;
  /** Replaces the echoed words with exact token texts. */
  reply?: (source: string) => string[];
}

export interface StandInTgiServer extends StandInControls {
  /** The `/info` document the server answers with. */
  info: Record<string, unknown>;
}

interface GenerateBody {
  inputs?: unknown;
  parameters?: {
    temperature?: number | null;
    top_p?: number | null;
    top_k?: number | null;
    repetition_penalty?: number | null;
    frequency_penalty?: number | null;
    max_new_tokens?: number | null;
    stop?: string[] | null;
    seed?: number | null;
    details?: boolean;
    decoder_input_details?: boolean;
    return_full_text?: boolean;
    adapter_id?: string | null;
  };
}

const PUBLIC_ROUTES = new Set(['/info', '/health', '/v1/models']);

export async function startStandInTgiServer(
  options: StandInTgiOptions = {},
): Promise<StandInTgiServer> {
  const settings = {
    modelId: 'stand-in/tgi-echo',
    maxInputTokens: 1024,
    maxTotalTokens: 2048,
    maxStopSequences: 4,
    ...options,
  };
  const info = {
    model_id: settings.modelId,
    model_sha: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
    model_pipeline_tag: 'text-generation',
    max_concurrent_requests: 128,
    max_best_of: 2,
    max_stop_sequences: settings.maxStopSequences,
    max_input_tokens: settings.maxInputTokens,
    max_total_tokens: settings.maxTotalTokens,
    validation_workers: 2,
    max_client_batch_size: 4,
    router: 'text-generation-router',
    version: '3.3.6-dev0',
    sha: null,
    docker_label: null,
  };

  const controls = await startStandIn(async (exchange) => {
    const { path, response } = exchange;
    const authorization = exchange.record.authorization?.toLowerCase();
    if (path === '/health') return sendJson(response, 200, '');
    if (path === '/info') return sendJson(response, 200, info);
    if (path === '/v1/models') {
      return sendJson(response, 200, {
        id: settings.modelId,
        object: 'model',
        created: 1_764_000_000,
        owned_by: settings.modelId.split('/')[0] ?? 'stand-in',
      });
    }
    if (!PUBLIC_ROUTES.has(path) && settings.apiKey) {
      if (authorization !== `bearer ${settings.apiKey.toLowerCase()}`) {
        return sendJson(response, 401, '');
      }
    }
    if (path === '/v1/chat/completions') {
      return handleChatCompletion(exchange, { flavour: 'tgi', ...settings });
    }
    if (path === '/generate') return generate(exchange, settings, false);
    if (path === '/generate_stream') return generate(exchange, settings, true);
    sendJson(response, 404, '');
  }, settings.pacing);

  return { ...controls, info };
}

type Settings = Required<Omit<StandInTgiOptions, 'adapters' | 'apiKey' | 'pacing' | 'reply'>> &
  Pick<StandInTgiOptions, 'adapters' | 'reply'>;

const IN_STREAM_STATUSES = new Set([422, 424, 429, 500]);

async function generate(exchange: StandInExchange, settings: Settings, stream: boolean) {
  const body = (exchange.body ?? {}) as GenerateBody;
  const parameters = body.parameters ?? {};
  if (parameters.adapter_id) exchange.record.adapterId = parameters.adapter_id;
  const behaviour = exchange.nextBehaviour();
  if (behaviour?.kind === 'raw') {
    return sendJson(exchange.response, behaviour.status, behaviour.body, behaviour.headers);
  }
  if (behaviour?.kind === 'error') {
    const inStream = stream && (behaviour.delivery ?? defaultDelivery(behaviour.status));
    if (inStream !== 'event') return fail(exchange, describeStandInError(behaviour), false);
  }

  const problem = validate(body, stream, settings);
  if (problem) return fail(exchange, problem, stream);

  const input = String(body.inputs);
  const plan = planReply({
    input,
    source: input,
    maxNewTokens: parameters.max_new_tokens ?? undefined,
    stop: parameters.stop ?? undefined,
    seed: parameters.seed ?? undefined,
    maxTotalTokens: settings.maxTotalTokens,
    stopMode: 'include',
    reply: settings.reply,
  });
  const text = parameters.return_full_text ? input + plan.text : plan.text;
  const scripted = streamBreakOf(behaviour);

  if (!stream) {
    await pause(exchange.pacing.firstTokenDelayMs);
    if (scripted?.drop) return void exchange.response.destroy();
    if (scripted?.error) return fail(exchange, { ...scripted.error, status: 424 }, false);
    return sendJson(exchange.response, 200, generateResponse(plan, text, input, parameters), {
      'x-compute-type': 'gpu+optimized',
      'x-prompt-tokens': String(plan.inputTokens),
      'x-generated-tokens': String(plan.generatedTokens),
      'x-total-time': '1',
    });
  }
  await streamTokens(exchange, plan, text, parameters.details === true, scripted);
}

function defaultDelivery(status: number): 'http' | 'event' {
  return IN_STREAM_STATUSES.has(status) ? 'event' : 'http';
}

function generateResponse(
  plan: TokenPlan,
  text: string,
  input: string,
  parameters: NonNullable<GenerateBody['parameters']>,
) {
  if (!parameters.details && !parameters.decoder_input_details) return { generated_text: text };
  const prefill = parameters.decoder_input_details
    ? input
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .map((word, index) => ({ id: 500 + index, text: word, logprob: index === 0 ? null : -1 }))
    : [];
  return {
    generated_text: text,
    details: {
      finish_reason: plan.finishReason,
      generated_tokens: plan.generatedTokens,
      seed: plan.seed,
      prefill,
      tokens: plan.tokens.map((token) => ({ ...token, logprob: -0.1 })),
    },
  };
}

async function streamTokens(
  exchange: StandInExchange,
  plan: TokenPlan,
  text: string,
  details: boolean,
  scripted: StreamBreak | undefined,
): Promise<void> {
  const sse = new SseWriter(exchange, 'data:');
  sse.open({ 'x-compute-type': 'gpu+optimized' });
  for (const [index, token] of plan.tokens.entries()) {
    if (scripted && scripted.afterTokens <= index) return breakStream(sse, exchange, scripted);
    const last = index === plan.tokens.length - 1;
    if (last && scripted) return breakStream(sse, exchange, scripted);
    const event = {
      index: index + 1,
      token: { ...token, logprob: -0.1 },
      generated_text: last ? text : null,
      details:
        last && details
          ? {
              finish_reason: plan.finishReason,
              generated_tokens: plan.generatedTokens,
              seed: plan.seed,
              input_length: plan.inputTokens,
            }
          : null,
    };
    if (!(await sse.token(event, index))) return;
  }
  sse.end();
}

async function breakStream(sse: SseWriter, exchange: StandInExchange, scripted: StreamBreak) {
  if (scripted.drop) {
    // Drop where the next token would come, so the tokens sent so far reach the client.
    await pause(Math.max(20, exchange.pacing.tokenDelayMs));
    if (scripted.drop.clean) return sse.end();
    exchange.response.destroy();
    return;
  }
  await sse.event(tgiErrorBody(scripted.error ?? validationError('stand-in failure')));
  sse.end();
}

/** TGI's own answer to a failure: an SSE error event on streams, else the HTTP status. */
async function fail(exchange: StandInExchange, error: StandInError, inStream: boolean) {
  if (!inStream) {
    return sendJson(exchange.response, error.status, tgiErrorBody(error), error.headers);
  }
  const sse = new SseWriter(exchange, 'data:');
  await sse.event(tgiErrorBody(error));
  sse.end();
}

function validate(body: GenerateBody, stream: boolean, settings: Settings) {
  const parameters = body.parameters ?? {};
  if (typeof body.inputs !== 'string' || body.inputs.length === 0) {
    return validationError('`inputs` cannot be empty');
  }
  const { temperature, top_p: topP, top_k: topK } = parameters;
  const { repetition_penalty: repetition, frequency_penalty: frequency } = parameters;
  const maxNew = parameters.max_new_tokens;
  const checks: Array<[boolean, string]> = [
    [(temperature ?? 1) <= 0, '`temperature` must be strictly positive'],
    [(topP ?? 0.5) <= 0 || (topP ?? 0.5) >= 1, '`top_p` must be > 0.0 and < 1.0'],
    [(topK ?? 1) <= 0, '`top_k` must be strictly positive'],
    [(repetition ?? 1) <= 0, '`repetition_penalty` must be strictly positive'],
    [Math.abs(frequency ?? 0) > 2, '`frequency_penalty` must be >= -2.0 and <= 2.0'],
    [(maxNew ?? 1) <= 0, '`max_new_tokens` must be strictly positive'],
    [
      stream && parameters.decoder_input_details === true,
      '`decoder_input_details` == true is not supported when streaming tokens',
    ],
  ];
  const failed = checks.find(([broken]) => broken);
  if (failed) return validationError(failed[1]);

  const stops = parameters.stop?.length ?? 0;
  if (stops > settings.maxStopSequences) {
    const limit = settings.maxStopSequences;
    return validationError(`\`stop\` supports up to ${limit} stop sequences. Given: ${stops}`);
  }
  const inputTokens = countStandInTokens(body.inputs);
  if (inputTokens > settings.maxInputTokens) {
    const limit = settings.maxInputTokens;
    return validationError(`\`inputs\` must have less than ${limit} tokens. Given: ${inputTokens}`);
  }
  const total = inputTokens + (parameters.max_new_tokens ?? 0);
  if (total > settings.maxTotalTokens) {
    return validationError(
      `\`inputs\` tokens + \`max_new_tokens\` must be <= ${settings.maxTotalTokens}. ` +
        `Given: ${inputTokens} \`inputs\` tokens and ` +
        `${parameters.max_new_tokens} \`max_new_tokens\``,
    );
  }
  const adapter = parameters.adapter_id;
  if (adapter && settings.adapters && !settings.adapters.includes(adapter)) {
    return validationError(`adapter \`${adapter}\` is not loaded`);
  }
  return undefined;
}
