/**
 * Reduce a language tag to its ISO 639 primary subtag: `de-DE` → `de`, `en_GB` → `en`.
 * Anything that is not a plausible code (`x-klingon`, `*`, empty) yields undefined.
 */
export function normaliseLanguage(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
