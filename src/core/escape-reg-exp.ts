/**
 * `text` with every character that means something in a regular expression escaped, so the
 * expression matches it literally.
 * @example new RegExp(escapeRegExp('100 % (UV)')).test('100 % (UV)') // true
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
