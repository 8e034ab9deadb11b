/**
 * Characters that do not show but reach a model: zero-width spaces and joiners, bidi
 * controls, Unicode tag characters (which can spell hidden ASCII) and C0/C1 controls.
 * @module
 */

/** Zero-width, bidi and tag characters; ZWJ inside emoji sequences is excluded by callers. */
export const invisiblePattern =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\u{E0000}|[\u{E0001}-\u{E007F}]/u;

export const invisibleRunPattern = new RegExp(`(?:${invisiblePattern.source})+`, 'gu');

/** C0 and C1 control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

const pictographic = /\p{Extended_Pictographic}/u;

/** Whether a zero-width joiner at `index` joins two emoji (a family, a flag), so is innocent. */
export function isEmojiJoiner(text: string, index: number, length: number): boolean {
  if (length !== 1 || text[index] !== '\u200D') return false;
  const before = text.codePointAt(Math.max(0, index - 2)) ?? 0;
  const beforeOne = text.codePointAt(index - 1) ?? 0;
  const after = text.codePointAt(index + 1) ?? 0;
  const isEmoji = (point: number) => pictographic.test(String.fromCodePoint(point));
  return (isEmoji(before) || isEmoji(beforeOne) || beforeOne === 0xfe0f) && isEmoji(after);
}

/** Removes invisible and control characters, keeping emoji joiners. */
export function stripInvisible(text: string): string {
  return text
    .replace(invisibleRunPattern, (run, offset: number, whole: string) =>
      isEmojiJoiner(whole, offset, run.length) ? run : '',
    )
    .replace(controlPattern, '');
}
