/**
 * The mteval-v13a tokenizer that sacreBLEU applies before BLEU by default, plus the whitespace
 * splitting rule both BLEU and chrF share with Python's `str.split()`.
 * @module
 */

/** Python's `str.isspace()` set, so texts split exactly where sacreBLEU splits them. */
const PYTHON_WHITESPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const TRAILING_WHITESPACE = new RegExp(`[${PYTHON_WHITESPACE}]+$`, 'u');

/** Splits on runs of whitespace and drops empty pieces, like Python's `str.split()`. */
export function splitWhitespace(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((piece) => piece.length > 0);
}

/** Removes trailing whitespace, like Python's `str.rstrip()`. */
export function trimEndWhitespace(text: string): string {
  return text.replace(TRAILING_WHITESPACE, '');
}

// Applied in this order, each over the whole line, as in mteval-v13a.
const PUNCTUATION_RULES: readonly [RegExp, string][] = [
  // Symbols in { … ~, [ … `, space … &, ( … +, : … @ and the slash stand alone.
  [/([{-~[-` -&(-+:-@/])/g, ' $1 '],
  // A period or comma splits off unless a digit sits on the side being looked at.
  [/([^0-9])([.,])/g, '$1 $2 '],
  [/([.,])([^0-9])/g, ' $1 $2'],
  // A dash after a digit splits off ("2-3" → "2 - 3").
  [/([0-9])(-)/g, '$1 $2 '],
];

/**
 * Tokenizes one line the way sacreBLEU's default `13a` tokenizer does: drops `<skipped>`, joins
 * `-\n` line breaks, unescapes `&quot; &amp; &lt; &gt;`, separates punctuation from words and
 * numbers ("2.5" stays one token), and returns the tokens joined by single spaces. No lowercasing.
 */
export function tokenize13a(line: string): string {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');

  if (text.includes('&')) {
    text = text
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }

  text = ` ${text} `;
  for (const [pattern, replacement] of PUNCTUATION_RULES) {
    text = text.replace(pattern, replacement);
  }
  return splitWhitespace(text).join(' ');
}
