/**
 * Candidate finders that start from a rare character ('@', ':') instead of trying a
 * pattern at every position: a text pays only for the places that could match.
 * @module
 */

export interface PiiCandidate {
  start: number;
  text: string;
}

const asciiLocalCharacter = /[A-Za-z0-9._%+-]/;
const nonAsciiWordCharacter = /[\p{L}\p{N}]/u;
/** Domain labels after the '@', ending in a top-level domain of letters. */
const domain = new RegExp(
  String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?` +
    String.raw`(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}])`,
  'uy',
);

/** E-mail addresses: a local part of letters, digits and `._%+-` (no dot at either end). */
export function findEmailCandidates(text: string): PiiCandidate[] {
  const candidates: PiiCandidate[] = [];

  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && isLocalCharacter(text[start - 1] as string)) start--;
    while (text[start] === '.') start++;
    if (start === at || text[at - 1] === '.') continue;

    domain.lastIndex = at + 1;
    const match = domain.exec(text);
    if (match === null) continue;
    candidates.push({ start, text: text.slice(start, at + 1 + match[0].length) });
  }

  return candidates;
}

function isLocalCharacter(character: string): boolean {
  return character.charCodeAt(0) < 0x80
    ? asciiLocalCharacter.test(character)
    : nonAsciiWordCharacter.test(character);
}

/**
 * Possible IPv6 addresses: each maximal run of hex digits, colons and dots around a colon,
 * with at least two colons, standing alone (no letter or digit touching it). Whether it is
 * an address is for `node:net` to decide.
 */
export function findIpv6Candidates(text: string): PiiCandidate[] {
  const candidates: PiiCandidate[] = [];
  let searchFrom = 0;

  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', searchFrom)) {
    let start = colon;
    let end = colon + 1;
    while (start > 0 && isAddressCharacter(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isAddressCharacter(text.charCodeAt(end))) end++;
    searchFrom = end + 1;

    while (end > start && text[end - 1] === '.') end--;
    const run = text.slice(start, end);
    if (touchesWord(text, start - 1) || touchesWord(text, end) || !/:.*:/.test(run)) continue;
    candidates.push({ start, text: run });
  }

  return candidates;
}

function isAddressCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x3a) || // 0-9 and ':'
    code === 0x2e || // '.'
    (code >= 0x41 && code <= 0x46) || // A-F
    (code >= 0x61 && code <= 0x66) // a-f
  );
}

function touchesWord(text: string, index: number): boolean {
  const character = text[index];
  if (character === undefined) return false;
  return character.charCodeAt(0) < 0x80
    ? /[A-Za-z0-9]/.test(character)
    : nonAsciiWordCharacter.test(character);
}
