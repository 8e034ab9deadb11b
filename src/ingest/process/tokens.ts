/**
 * A cheap, model-independent estimate of subword tokens, used to size chunks.
 * @module
 */

/** Characters per subword token assumed for long words. */
const charactersPerToken = 6;

/**
 * Estimates how many subword tokens a text has, without a tokenizer.
 *
 * Rules: a run of letters, digits and combining marks is a word and counts
 * `ceil(length / 6)` tokens (so short words count 1 and long compounds such as
 * "Waschmaschinenreiniger" count 4); every other visible character (punctuation, symbols,
 * emoji) counts 1; each Han, kana or Hangul character counts 1, as those scripts have no
 * spaces and tokenizers split them per character. Whitespace counts nothing, so the count of
 * two texts joined by whitespace is the sum of their counts.
 *
 * The estimate errs on the high side for English and close for German, which keeps chunks
 * under a model's real limit. It scans the text once, without allocating.
 */
export function countTokens(text: string): number {
  let tokens = 0;
  let wordLength = 0;

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = characterKind(code);
    if (kind === wordCharacter) {
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      tokens += Math.ceil(wordLength / charactersPerToken);
      wordLength = 0;
    }
    if (kind === whitespace) continue;
    // A surrogate pair (emoji and other astral symbols) is one token, not two.
    if (code >= 0xd800 && code <= 0xdbff) index++;
    tokens++;
  }

  if (wordLength > 0) tokens += Math.ceil(wordLength / charactersPerToken);
  return tokens;
}

const wordCharacter = 0;
const whitespace = 1;
const standalone = 2;

function characterKind(code: number): number {
  if (code < 0x80) {
    if (code <= 0x20) return whitespace;
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) return wordCharacter;
    if (code >= 0x61 && code <= 0x7a) return wordCharacter;
    return standalone;
  }
  if (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)) return whitespace;
  if (code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f) return whitespace;
  if (code === 0x3000) return whitespace;
  // Latin-1 punctuation and symbols (¡ § « ° ± » ¿ × ÷ …), general punctuation, arrows,
  // mathematical and other symbols, CJK punctuation and fullwidth forms.
  if (code <= 0xbf || code === 0xd7 || code === 0xf7) return standalone;
  if (code >= 0x2010 && code <= 0x2bff) return standalone;
  if (code >= 0x3001 && code <= 0x303f) return standalone;
  if (code >= 0xff01 && code <= 0xff0f) return standalone;
  // Scripts written without spaces: each character is roughly one token.
  if (code >= 0x3040 && code <= 0x30ff) return standalone;
  if (code >= 0x3400 && code <= 0x9fff) return standalone;
  if (code >= 0xac00 && code <= 0xd7af) return standalone;
  if (code >= 0xd800 && code <= 0xdfff) return standalone;
  return wordCharacter;
}
