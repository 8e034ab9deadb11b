/**
 * Allow-lists keep brand, product and support-address names from being flagged.
 * @module
 */
import type { PersonalDataType } from '../finding.js';

/**
 * Strings never flagged. `exact`: a finding overlapping an exact, case-sensitive occurrence
 * is dropped (the support address, the hotline number). `words`: a PERSON, ADDRESS or URL
 * finding containing one of these words, compared case-insensitively as whole words, is
 * dropped (brand and product names such as "Bergfink" or "Höhenweg").
 */
export interface AllowList {
  exact?: readonly string[];
  words?: readonly string[];
}

/** Types whose findings are names, for which allow-listed words apply. */
const nameLikeTypes: ReadonlySet<PersonalDataType> = new Set(['PERSON', 'ADDRESS', 'URL']);

/** A compiled allow-list: `allows(finding)` says whether to drop the finding. */
export interface AllowChecker {
  allows: (finding: { type: PersonalDataType; start: number; end: number }) => boolean;
}

/** Compiles an allow-list for one text; a plain array means exact strings. */
export function compileAllowList(
  text: string,
  allow: readonly string[] | AllowList | undefined,
): AllowChecker {
  const list: AllowList = Array.isArray(allow) ? { exact: allow } : ((allow ?? {}) as AllowList);
  const allowed = allowedUnits(text, list.exact ?? []);
  const words = new Set((list.words ?? []).map((word) => word.toLocaleLowerCase()));

  return {
    allows: (finding) => {
      if (allowed?.subarray(finding.start, finding.end).includes(1)) return true;
      if (words.size === 0 || !nameLikeTypes.has(finding.type)) return false;
      const findingWords = wordsToCheck(finding.type, text.slice(finding.start, finding.end));
      return findingWords.some((word) => words.has(word));
    },
  };
}

/** Lower-cased words of a finding; for a URL only its host, so product pages elsewhere stay. */
function wordsToCheck(type: PersonalDataType, value: string): string[] {
  const scope = type === 'URL' ? (/^(?:https?:\/\/)?([^/?#]+)/i.exec(value)?.[1] ?? value) : value;
  return scope.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u);
}

/** One flag per UTF-16 unit covered by an exact allow-listed string; none when nothing is. */
function allowedUnits(text: string, exact: readonly string[]): Uint8Array | undefined {
  let allowed: Uint8Array | undefined;
  for (const value of exact) {
    if (value === '') continue;
    for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + 1)) {
      allowed ??= new Uint8Array(text.length);
      allowed.fill(1, index, index + value.length);
    }
  }
  return allowed;
}
