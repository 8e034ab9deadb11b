/** A Content-Type header split into its media type and declared charset. */
export interface ParsedContentType {
  /** Lower case, without parameters. */
  mediaType: string;
  charset?: string;
}

/** Parses a Content-Type header; a missing or empty header yields `undefined`. */
export function parseContentType(header: string | null): ParsedContentType | undefined {
  if (header === null) return undefined;

  const [typePart = '', ...parameters] = header.split(';');
  const mediaType = typePart.trim().toLowerCase();
  if (mediaType === '') return undefined;

  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    if (separator < 0) continue;
    const name = parameter.slice(0, separator).trim().toLowerCase();
    if (name !== 'charset') continue;
    const charset = parameter
      .slice(separator + 1)
      .trim()
      .replace(/^"|"$/g, '');
    if (charset !== '') return { mediaType, charset };
  }
  return { mediaType };
}

/**
 * Whether `mediaType` matches one of `accepted`; entries compare case-insensitively, may end
 * in a slash and an asterisk to accept a whole family (`text/` followed by `*`), and the
 * full wildcard (asterisk, slash, asterisk) accepts anything, even a missing type.
 */
export function isAcceptedMediaType(mediaType: string, accepted: readonly string[]): boolean {
  const wanted = mediaType.toLowerCase();
  return accepted.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (pattern === '*/*') return true;
    if (pattern.endsWith('/*')) return wanted.startsWith(pattern.slice(0, -1));
    return wanted === pattern;
  });
}
