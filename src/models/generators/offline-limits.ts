import { countTokens } from '../../ingest/process/tokens.js';
import type { CitedSentence } from './generator.js';
import type { Composition } from './offline-compose.js';
import { joinSentences } from './offline-compose.js';
import { cutAtWord } from './offline-text.js';

/**
 * Keeps the composition within `maxNewTokens` by the token estimate, as a model stops: whole
 * sentences while they fit, then the next one cut at a word boundary (`finishReason:
 * 'length'`). Sentences are joined by spaces, which count no tokens.
 */
export function limitTokens(
  composition: Composition,
  maxNewTokens: number | undefined,
): Composition {
  if (maxNewTokens === undefined) return composition;
  const sentences: CitedSentence[] = [];
  let remaining = maxNewTokens;

  for (const sentence of composition.sentences) {
    const tokens = countTokens(sentence.text);
    if (tokens <= remaining) {
      sentences.push(sentence);
      remaining -= tokens;
      continue;
    }
    const cut = cutToTokens(sentence.text, remaining);
    if (cut.length > 0) sentences.push({ ...sentence, text: cut });
    return { sentences, finishReason: 'length' };
  }
  return composition;
}

/** Ends the text before the first stop sequence, dropping what follows it. */
export function applyStop(composition: Composition, stop: string[] | undefined): Composition {
  if (!stop || stop.length === 0) return composition;
  const text = joinSentences(composition.sentences);
  const positions = stop.map((sequence) => (sequence ? text.indexOf(sequence) : -1));
  const cut = Math.min(...positions.filter((position) => position >= 0));
  if (!Number.isFinite(cut)) return composition;

  const sentences: CitedSentence[] = [];
  let offset = 0;
  for (const sentence of composition.sentences) {
    if (offset >= cut) break;
    const kept = sentence.text.slice(0, cut - offset).trimEnd();
    if (kept.length > 0) sentences.push({ ...sentence, text: kept });
    offset += sentence.text.length + 1;
  }
  return { sentences, finishReason: 'stop_sequence' };
}

/** Drops whole words from the end until the text has at most `tokens` tokens. */
function cutToTokens(text: string, tokens: number): string {
  let cut = text;
  while (cut.length > 0 && countTokens(cut) > tokens) cut = cutAtWord(cut, cut.length - 1);
  return cut;
}
