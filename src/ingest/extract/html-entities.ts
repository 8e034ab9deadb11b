/**
 * Character references in text that did not go through an HTML parser (Markdown).
 * Numeric references are decoded fully; named ones cover what marketing copy uses.
 * @module
 */

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  lsquo: '‘',
  rsquo: '’',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  micro: 'µ',
  szlig: 'ß',
};

/** Letters with diacritics: `&auml;` → ä, `&Eacute;` → É, `&ccedil;` → ç. */
const diacritics: Record<string, string> = {
  uml: '\u0308',
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  ring: '\u030A',
  cedil: '\u0327',
};

function decodeNamed(name: string): string | undefined {
  const direct = namedEntities[name];
  if (direct !== undefined) return direct;

  const match = /^([a-zA-Z])(uml|acute|grave|circ|tilde|ring|cedil)$/.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return (match[1] + (diacritics[match[2]] ?? '')).normalize('NFC');
}

function decodeNumeric(digits: string, hex: boolean): string | undefined {
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  if (!Number.isFinite(codePoint) || codePoint <= 0 || codePoint > 0x10ffff) return undefined;
  return String.fromCodePoint(codePoint);
}

/** Replace `&amp;`, `&auml;`, `&#252;` and `&#xFC;`; unknown references stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;

  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body) => {
    const reference = body as string;
    if (reference.startsWith('#x') || reference.startsWith('#X')) {
      return decodeNumeric(reference.slice(2), true) ?? whole;
    }
    if (reference.startsWith('#')) return decodeNumeric(reference.slice(1), false) ?? whole;
    return decodeNamed(reference) ?? whole;
  });
}
