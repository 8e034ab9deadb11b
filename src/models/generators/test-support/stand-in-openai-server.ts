/**
 * A stand-in for an OpenAI-compatible chat server (the surface vLLM, llama.cpp server,
 * Ollama and TGI's messages API share): `POST /v1/chat/completions`, streamed (`data: `
 * events, an optional usage chunk with `choices: []`, then `data: [DONE]`) or not, and
 * `GET /v1/models` as a list. `flavour: 'tgi'` switches to TGI's variant of the same routes.
 * The "model" echoes the last user message's words in upper case (stand-in-token-plan.ts).
 * @module
 */
import { handleChatCompletion } from './stand-in-chat-route.js';
import { openAiErrorBody } from './stand-in-errors.js';
import {
  sendJson,
  startStandIn,
  type StandInControls,
  type StreamPacing,
} from './stand-in-http.js';

export interface StandInOpenAiOptions {
  /** The model name the server reports; requests may name any model. */
  modelId?: string;
  /** `openai` (default) or `tgi` (TGI's messages API: `data:`, `{"error","error_type"}`). */
  flavour?: 'openai' | 'tgi';
  maxTotalTokens?: number;
  maxStopSequences?: number;
  /** When set, every route needs `Authorization: Bearer <apiKey>`; else 401. */
  apiKey?: string;
  pacing?: Partial<StreamPacing>;
  /** Replaces the echoed words with exact token texts. */
  reply?: (source: string) => string[];
}

export type StandInOpenAiServer = StandInControls;

export async function startStandInOpenAiServer(
  options: StandInOpenAiOptions = {},
): Promise<StandInOpenAiServer> {
  const settings = {
    modelId: 'stand-in/openai-echo',
    flavour: 'openai' as const,
    maxTotalTokens: 4096,
    maxStopSequences: 4,
    ...options,
  };

  return startStandIn(async (exchange) => {
    const { path, response } = exchange;
    if (settings.apiKey && exchange.record.authorization !== `Bearer ${settings.apiKey}`) {
      const error = { status: 401, message: 'Invalid API key', errorType: 'invalid_request_error' };
      return sendJson(response, 401, openAiErrorBody({ ...error, headers: {} }));
    }
    if (path === '/v1/models' && exchange.record.method === 'GET') {
      const model = {
        id: settings.modelId,
        object: 'model',
        created: 1_764_000_000,
        owned_by: 'stand-in',
      };
      return sendJson(response, 200, { object: 'list', data: [model] });
    }
    if (path === '/v1/chat/completions' && exchange.record.method === 'POST') {
      return handleChatCompletion(exchange, settings);
    }
    const missing = { status: 404, message: `No route ${path}`, errorType: 'not_found_error' };
    sendJson(response, 404, openAiErrorBody({ ...missing, headers: {} }));
  }, settings.pacing);
}
