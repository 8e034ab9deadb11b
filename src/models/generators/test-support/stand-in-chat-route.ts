/**
 * `POST /v1/chat/completions` for the generation stand-ins, in two flavours: `tgi` (TGI's
 * messages API: `data:` without a space, `model` other than "tgi" taken as `adapter_id`,
 * `top_p` 1.0 rejected, `stop_sequence` kept as a finish reason, errors as
 * `{"error","error_type"}`) and `openai` (`data: `, stop sequences cut from the text,
 * errors as `{"error":{"message","type","code"}}`, a role-only first chunk and an empty final
 * delta, as OpenAI, vLLM and llama.cpp send).
 * @module
 */
import {
  describeStandInError,
  openAiErrorBody,
  tgiErrorBody,
  validationError,
  type StandInError,
} from './stand-in-errors.js';
import {
  pause,
  sendJson,
  SseWriter,
  streamBreakOf,
  type StandInExchange,
  type StreamBreak,
} from './stand-in-http.js';
import { planReply, type StandInFinishReason, type TokenPlan } from './stand-in-token-plan.js';

export interface ChatRouteSettings {
  flavour: 'tgi' | 'openai';
  modelId: string;
  maxTotalTokens: number;
  maxStopSequences: number;
  /** LoRA adapters the server has loaded; others are refused. Unset: any is accepted. */
  adapters?: string[] | undefined;
  reply?: ((source: string) => string[]) | undefined;
}

interface ChatBody {
  messages?: Array<{ role?: string; content?: unknown }>;
  model?: string | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  top_p?: number | null;
  seed?: number | null;
  stop?: string | string[] | null;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
}

let completionCount = 0;

/** Answers one chat completion request, streamed or not, honouring scripted behaviours. */
export async function handleChatCompletion(
  exchange: StandInExchange,
  settings: ChatRouteSettings,
): Promise<void> {
  const body = (exchange.body ?? {}) as ChatBody;
  const adapter = adapterOf(body, settings);
  if (adapter !== undefined) exchange.record.adapterId = adapter;
  const behaviour = exchange.nextBehaviour();
  if (behaviour?.kind === 'raw') {
    return sendJson(exchange.response, behaviour.status, behaviour.body, behaviour.headers);
  }
  if (behaviour?.kind === 'error' && !(body.stream && behaviour.delivery === 'event')) {
    return sendError(exchange, settings, describeStandInError(behaviour));
  }

  const problem = validate(body, adapter, settings);
  if (problem) return sendError(exchange, settings, problem);

  const messages = (body.messages ?? []).map((message) => ({
    role: String(message.role ?? 'user'),
    content: textOf(message.content),
  }));
  const stop = typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined);
  const plan = planReply({
    input: messages.map((message) => `${message.role}: ${message.content}`).join('\n'),
    source: messages.filter((message) => message.role === 'user').at(-1)?.content ?? '',
    maxNewTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    stop,
    seed: body.seed ?? undefined,
    maxTotalTokens: settings.maxTotalTokens,
    stopMode: settings.flavour === 'tgi' ? 'include' : 'exclude',
    reply: settings.reply,
  });
  const id = settings.flavour === 'tgi' ? '' : `chatcmpl-stand-in-${++completionCount}`;
  const common = {
    id,
    created: Math.floor(Date.now() / 1000),
    model: settings.modelId,
    system_fingerprint: settings.flavour === 'tgi' ? '3.3.6-dev0-native' : 'fp_stand_in',
  };

  const scripted = streamBreakOf(behaviour);
  if (!body.stream) {
    await pause(exchange.pacing.firstTokenDelayMs);
    if (scripted?.drop) return void exchange.response.destroy();
    if (scripted?.error) return sendError(exchange, settings, { ...scripted.error, status: 424 });
    return sendJson(exchange.response, 200, {
      object: 'chat.completion',
      ...common,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: plan.text },
          logprobs: null,
          finish_reason: finishOf(plan.finishReason, settings),
        },
      ],
      usage: usageOf(plan),
    });
  }
  const includeUsage = body.stream_options?.include_usage === true;
  await streamChat(exchange, settings, { plan, common, includeUsage, scripted });
}

interface ChatStream {
  plan: TokenPlan;
  common: Record<string, unknown>;
  includeUsage: boolean;
  scripted: StreamBreak | undefined;
}

async function streamChat(
  exchange: StandInExchange,
  settings: ChatRouteSettings,
  { plan, common, includeUsage, scripted }: ChatStream,
): Promise<void> {
  const sse = new SseWriter(exchange, settings.flavour === 'tgi' ? 'data:' : 'data: ');
  const usage = includeUsage ? { usage: null } : settings.flavour === 'tgi' ? { usage: null } : {};
  const chunk = (delta: object, finish: string | null) => ({
    object: 'chat.completion.chunk',
    ...common,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...usage,
  });

  if (settings.flavour === 'openai') {
    if (!(await sse.event(chunk({ role: 'assistant', content: '' }, null)))) return;
  }
  for (const [index, token] of plan.tokens.entries()) {
    if (scripted && scripted.afterTokens <= index)
      return breakStream(sse, exchange, settings, scripted);
    const last = index === plan.tokens.length - 1;
    const content = token.special ? '' : token.text;
    const finish =
      last && settings.flavour === 'tgi' ? finishOf(plan.finishReason, settings) : null;
    if (settings.flavour === 'openai' && token.special) continue;
    if (!(await sse.token(chunk({ role: 'assistant', content }, finish), index))) return;
  }
  if (scripted) return breakStream(sse, exchange, settings, scripted);
  if (settings.flavour === 'openai') {
    await sse.event(chunk({}, finishOf(plan.finishReason, settings)));
  }
  if (includeUsage) {
    await sse.event({
      object: 'chat.completion.chunk',
      ...common,
      choices: [],
      usage: usageOf(plan),
    });
  }
  await sse.event('[DONE]');
  sse.end();
}

async function breakStream(
  sse: SseWriter,
  exchange: StandInExchange,
  settings: ChatRouteSettings,
  scripted: StreamBreak,
): Promise<void> {
  if (scripted.drop) {
    // Drop where the next token would come, so the tokens sent so far reach the client.
    await pause(Math.max(20, exchange.pacing.tokenDelayMs));
    if (scripted.drop.clean) return sse.end();
    exchange.response.destroy();
    return;
  }
  const error = scripted.error ?? validationError('stand-in failure');
  const body =
    settings.flavour === 'tgi'
      ? { error: { message: error.message, http_status_code: 422 } }
      : openAiErrorBody(error);
  await sse.event(body);
  await sse.event('[DONE]');
  sse.end();
}

function validate(
  body: ChatBody,
  adapter: string | undefined,
  settings: ChatRouteSettings,
): StandInError | undefined {
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return validationError('`messages` cannot be empty');
  }
  const stops = typeof body.stop === 'string' ? 1 : (body.stop?.length ?? 0);
  if (stops > settings.maxStopSequences) {
    const limit = settings.maxStopSequences;
    return validationError(`\`stop\` supports up to ${limit} stop sequences. Given: ${stops}`);
  }
  if (settings.flavour === 'tgi' && ((body.top_p ?? 0.5) <= 0 || (body.top_p ?? 0.5) >= 1)) {
    return validationError('`top_p` must be > 0.0 and < 1.0');
  }
  if (adapter !== undefined && settings.adapters && !settings.adapters.includes(adapter)) {
    return validationError(`adapter \`${adapter}\` is not loaded`);
  }
  return undefined;
}

function adapterOf(body: ChatBody, settings: ChatRouteSettings): string | undefined {
  if (settings.flavour !== 'tgi') return undefined;
  if (body.model === undefined || body.model === null || body.model === 'tgi') return undefined;
  return body.model;
}

function sendError(
  exchange: StandInExchange,
  settings: ChatRouteSettings,
  error: StandInError,
): void {
  const body = settings.flavour === 'tgi' ? tgiErrorBody(error) : openAiErrorBody(error);
  sendJson(exchange.response, error.status, body, error.headers);
}

function finishOf(reason: StandInFinishReason, settings: ChatRouteSettings): string {
  if (reason === 'eos_token') return 'stop';
  if (reason === 'stop_sequence') return settings.flavour === 'tgi' ? 'stop_sequence' : 'stop';
  return 'length';
}

function usageOf(plan: TokenPlan) {
  return {
    prompt_tokens: plan.inputTokens,
    completion_tokens: plan.generatedTokens,
    total_tokens: plan.inputTokens + plan.generatedTokens,
  };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: string; text?: string }) => (part.type === 'text' ? part.text : ''))
    .join('');
}
