/**
 * TGI's native request body (`/generate`, `/generate_stream`) and its response shapes.
 * @module
 */
import type { GenerationRequest } from './generator.js';

/** The body's `parameters`, in TGI's names. */
export interface TgiParameters {
  details: boolean;
  do_sample?: boolean;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  max_new_tokens?: number;
  repetition_penalty?: number;
  frequency_penalty?: number;
  stop?: string[];
  seed?: number;
  adapter_id?: string;
}

export interface TgiInfo {
  model_id: string;
  model_sha?: string | null;
  max_input_tokens?: number;
  max_total_tokens?: number;
  max_stop_sequences?: number;
  version?: string;
}

/** One `/generate_stream` event; the last carries `generated_text` (and `details`). */
export interface TgiStreamEvent {
  token?: { text: string; special: boolean };
  generated_text?: string | null;
  details?: {
    finish_reason: string;
    generated_tokens: number;
    input_length?: number;
  } | null;
  error?: string;
  error_type?: string;
}

export interface TgiGenerateResponse {
  generated_text: string;
  details?: {
    finish_reason: string;
    generated_tokens: number;
    prefill?: unknown[];
  } | null;
}

/**
 * Maps the port's parameters to TGI's, keeping TGI's rules in mind: `temperature` 0 means
 * greedy decoding (TGI refuses 0, so it is sent as `do_sample: false` with no sampling
 * parameters); `top_p` of 1 or more means "off" (TGI refuses 1.0, so it is left out).
 * `details` is always asked for, as it holds the finish reason and token counts.
 */
export function tgiParameters(request: GenerationRequest, adapter?: string): TgiParameters {
  const given = request.parameters ?? {};
  const parameters: TgiParameters = { details: true };
  const greedy = given.temperature === 0;
  if (greedy) parameters.do_sample = false;
  if (!greedy && given.temperature !== undefined) parameters.temperature = given.temperature;
  if (!greedy && given.topP !== undefined && given.topP < 1) parameters.top_p = given.topP;
  if (!greedy && given.topK !== undefined) parameters.top_k = given.topK;
  if (given.maxNewTokens !== undefined) parameters.max_new_tokens = given.maxNewTokens;
  if (given.repetitionPenalty !== undefined) {
    parameters.repetition_penalty = given.repetitionPenalty;
  }
  if (given.frequencyPenalty !== undefined) {
    parameters.frequency_penalty = given.frequencyPenalty;
  }
  if (given.stop !== undefined && given.stop.length > 0) parameters.stop = given.stop;
  if (given.seed !== undefined) parameters.seed = given.seed;
  const adapterId = request.adapter ?? adapter;
  if (adapterId !== undefined) parameters.adapter_id = adapterId;
  return parameters;
}
