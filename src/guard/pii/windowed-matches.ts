/**
 * Runs an expensive pattern only near cheap anchors (a street suffix, a birth keyword), so a
 * long text without any pays for one fast scan instead of a slow one.
 * @module
 */

/** A match of the expensive pattern, with offsets into the whole text. */
export interface WindowedMatch {
  start: number;
  text: string;
  /** Capture groups, `undefined` where a group did not take part. */
  groups: (string | undefined)[];
}

/**
 * Matches of the global `pattern` inside windows reaching `before` characters before and
 * `after` characters after each match of the global `anchor`. Windows are widened to the
 * nearest whitespace, so a pattern's word-boundary checks see the same characters they
 * would in the whole text, and overlapping windows are merged.
 */
export function windowedMatches(
  text: string,
  anchor: RegExp,
  pattern: RegExp,
  before: number,
  after: number,
): WindowedMatch[] {
  const windows: [number, number][] = [];
  for (const match of text.matchAll(anchor)) {
    const start = widenBack(text, Math.max(0, match.index - before));
    const end = widenForward(text, Math.min(text.length, match.index + match[0].length + after));
    const last = windows.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }

  const found: WindowedMatch[] = [];
  for (const [start, end] of windows) {
    for (const match of text.slice(start, end).matchAll(pattern)) {
      found.push({ start: start + match.index, text: match[0], groups: match.slice(1) });
    }
  }
  return found;
}

function widenBack(text: string, index: number): number {
  let position = index;
  while (position > 0 && !/\s/.test(text[position - 1] as string)) position--;
  return position;
}

function widenForward(text: string, index: number): number {
  let position = index;
  while (position < text.length && !/\s/.test(text[position] as string)) position++;
  return position;
}
