/**
 * Where a `JSON.parse` failure happened, as a 1-based line. V8 names a position for
 * most errors but not for "Unexpected token" ones; those are found by parsing
 * ever longer prefixes.
 * @module
 */

function lineAt(text: string, position: number): number {
  let line = 1;
  const end = Math.min(position, text.length);
  for (let index = 0; index < end; index += 1) {
    if (text.charCodeAt(index) === 10) line += 1;
  }
  return line;
}

/** True when the prefix already contains the error, not merely an early end. */
function prefixIsBroken(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/unexpected end/i.test(message)) return false;
    const position = /position (\d+)/.exec(message);
    return position === null || Number(position[1]) < prefix.length;
  }
}

function searchErrorPosition(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (prefixIsBroken(text.slice(0, middle))) bad = middle;
    else good = middle;
  }
  return bad - 1;
}

/** The 1-based line of the syntax error `JSON.parse(text)` threw. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);

  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  // An error at the very end belongs to the last line with content.
  if (position) return lineAt(text, Math.min(Number(position[1]), text.trimEnd().length));
  if (/unexpected end/i.test(message)) return lineAt(text, text.trimEnd().length);
  return lineAt(text, searchErrorPosition(text));
}
