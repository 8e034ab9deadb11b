/**
 * The deterministic "model" behind the generation stand-ins: the reply is the words of the
 * source text in upper case, one word per token, rotated by the seed. Token counts are
 * whitespace-separated words, so tests can predict usage exactly.
 * @module
 */

export interface PlannedToken {
  id: number;
  text: string;
  special: boolean;
}

/** TGI's finish reasons; the OpenAI flavour maps them on the wire. */
export type StandInFinishReason = 'length' | 'eos_token' | 'stop_sequence';

export interface TokenPlan {
  /** Tokens to stream, the special end-of-sequence token included when the reply ended. */
  tokens: PlannedToken[];
  /** The generated text as the server reports it (special tokens left out). */
  text: string;
  finishReason: StandInFinishReason;
  inputTokens: number;
  generatedTokens: number;
  seed: number | null;
}

export interface TokenPlanRequest {
  /** The whole input the model sees (prompt or rendered chat); counts toward input tokens. */
  input: string;
  /** The text whose words the reply echoes (the prompt, or the last user message). */
  source: string;
  maxNewTokens?: number | undefined;
  stop?: string[] | undefined;
  seed?: number | undefined;
  /** Upper bound for input + output tokens, as TGI's `max_total_tokens`. */
  maxTotalTokens: number;
  /** `include` keeps the stop sequence in the text (TGI); `exclude` cuts it (OpenAI). */
  stopMode: 'include' | 'exclude';
  /** Replaces the default reply words, for tests that need exact tokens. */
  reply?: ((source: string) => string[]) | undefined;
}

export const END_OF_SEQUENCE: PlannedToken = { id: 2, text: '</s>', special: true };

/** Counts tokens the way every stand-in does: whitespace-separated words. */
export function countStandInTokens(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Plans the whole reply up front; the servers then stream it token by token. */
export function planReply(request: TokenPlanRequest): TokenPlan {
  const inputTokens = countStandInTokens(request.input);
  const pieces = request.reply ? request.reply(request.source) : defaultReply(request.source);
  const rotated = rotate(pieces, request.seed ?? 0);
  const budget = request.maxNewTokens ?? Math.max(1, request.maxTotalTokens - inputTokens);

  const tokens: PlannedToken[] = [];
  let text = '';
  for (const piece of rotated) {
    if (tokens.length >= budget) break;
    tokens.push({ id: 100 + tokens.length, text: piece, special: false });
    text += piece;
    const stopAt = firstStop(text, request.stop ?? []);
    if (stopAt === undefined) continue;
    const generated = tokens.length;
    const kept = request.stopMode === 'exclude' ? trimTo(tokens, stopAt) : tokens;
    return finish(kept, 'stop_sequence', inputTokens, request.seed, generated);
  }

  if (tokens.length >= budget) return finish(tokens, 'length', inputTokens, request.seed);
  const generated = tokens.length + 1;
  return finish([...tokens, END_OF_SEQUENCE], 'eos_token', inputTokens, request.seed, generated);
}

function defaultReply(source: string): string[] {
  const words = source.split(/\s+/).filter((word) => word.length > 0);
  const upper = (words.length > 0 ? words : ['ok']).map((word) => word.toUpperCase());
  return upper.map((word, index) => (index === 0 ? word : ` ${word}`));
}

function rotate(pieces: string[], seed: number): string[] {
  if (pieces.length < 2 || seed % pieces.length === 0) return pieces;
  const shift = seed % pieces.length;
  const words = [...pieces.slice(shift), ...pieces.slice(0, shift)].map((piece) =>
    piece.trimStart(),
  );
  return words.map((word, index) => (index === 0 ? word : ` ${word}`));
}

function firstStop(text: string, stops: string[]): number | undefined {
  const found = stops.map((stop) => text.indexOf(stop)).filter((index) => index >= 0);
  return found.length === 0 ? undefined : Math.min(...found);
}

/** Cuts the token texts so their concatenation ends right before `length` characters. */
function trimTo(tokens: PlannedToken[], length: number): PlannedToken[] {
  let seen = 0;
  const kept: PlannedToken[] = [];
  for (const token of tokens) {
    const keep = Math.max(0, Math.min(token.text.length, length - seen));
    seen += token.text.length;
    if (keep > 0) kept.push({ ...token, text: token.text.slice(0, keep) });
  }
  return kept;
}

function finish(
  tokens: PlannedToken[],
  finishReason: StandInFinishReason,
  inputTokens: number,
  seed: number | undefined,
  generatedTokens = tokens.length,
): TokenPlan {
  const text = tokens
    .filter((token) => !token.special)
    .map((token) => token.text)
    .join('');
  return { tokens, text, finishReason, inputTokens, generatedTokens, seed: seed ?? null };
}
