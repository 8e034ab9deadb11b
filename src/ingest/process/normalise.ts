/**
 * Text clean-up between extraction and chunking: Unicode normal form, invisible
 * characters, odd spaces, and boilerplate such as cookie banners and copyright lines.
 * @module
 */
import type { Block } from '../types.js';

export { documentText } from './block-text.js';

export interface NormaliseOptions {
  /** A line (or whole paragraph) matching one of these is removed; tested against trimmed text. */
  boilerplate: RegExp[];
}

/**
 * Control and format characters that carry nothing readable: C0/C1 controls except tab and
 * line feed, soft hyphen, zero-width space, word joiner, direction marks and embeddings, BOM.
 * Zero-width joiner and non-joiner stay: emoji sequences and several scripts need them.
 */
const invisible = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u00AD\\u180E\\u200B' +
    '\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]',
  'g',
);
/** Tabs, no-break and other Unicode spaces, in runs. */
const spaceRun = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const lineBreak = /\r\n?|[\u2028\u2029]/g;

/**
 * Boilerplate every site has, kept short and conservative: each rule only drops a short
 * line or paragraph, so an article that merely mentions cookies or copyright survives.
 */
const builtInBoilerplate: { pattern: RegExp; maxLength: number }[] = [
  {
    pattern: new RegExp(
      '^(?:wir verwenden|wir nutzen|diese (?:web)?seite (?:verwendet|nutzt)|' +
        'we use|this (?:web)?site uses) cookies\\b',
      'i',
    ),
    maxLength: 600,
  },
  { pattern: /\b(?:all rights reserved|alle rechte vorbehalten)\b/i, maxLength: 200 },
  { pattern: /^(?:©|\(c\)\s|copyright\b)/i, maxLength: 200 },
];

/**
 * Normalises free text: Unicode NFC, invisible characters removed, Unicode spaces turned
 * into plain spaces, runs of spaces collapsed, lines trimmed, blank-line runs reduced to one
 * blank line (paragraph breaks stay), and the whole trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(lineBreak, '\n')
    .replace(invisible, '')
    .replace(spaceRun, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Normalises each block and drops what is left empty or is boilerplate. Headings,
 * paragraphs, list items and table cells become single lines; code keeps its lines and
 * indentation. Boilerplate (user patterns and the built-in list) is removed line by line
 * from headings, paragraphs and list items, and a paragraph matching as a whole goes too.
 */
export function normaliseBlocks(blocks: Block[], options: NormaliseOptions): Block[] {
  const isBoilerplate = (line: string): boolean =>
    builtInBoilerplate.some(
      ({ pattern, maxLength }) => line.length <= maxLength && pattern.test(line),
    ) || options.boilerplate.some((pattern) => matches(pattern, line));
  const normalised: Block[] = [];

  for (const block of blocks) {
    const result = normaliseBlock(block, isBoilerplate);
    if (result !== undefined) normalised.push(result);
  }

  return normalised;
}

function normaliseBlock(block: Block, isBoilerplate: (line: string) => boolean): Block | undefined {
  switch (block.type) {
    case 'heading':
    case 'paragraph': {
      const text = cleanLines(block.text, isBoilerplate);
      return text === '' ? undefined : { ...block, text };
    }
    case 'list': {
      const items = block.items.map((item) => cleanLines(item, isBoilerplate)).filter(Boolean);
      return items.length === 0 ? undefined : { ...block, items };
    }
    case 'table': {
      const rows = block.rows
        .map((row) => row.map(normaliseInline))
        .filter((row) => row.some((cell) => cell !== ''));
      return rows.length === 0 ? undefined : { ...block, rows };
    }
    case 'code': {
      const text = normaliseCode(block.text);
      return text === '' ? undefined : { ...block, text };
    }
  }
}

/** One line of text without boilerplate lines, or '' when nothing is left. */
function cleanLines(text: string, isBoilerplate: (line: string) => boolean): string {
  const lines = normaliseText(text).split('\n');
  const whole = lines.join(' ').replace(/ {2,}/g, ' ');
  if (whole === '' || isBoilerplate(whole)) return '';
  if (lines.length === 1) return whole;

  return lines.filter((line) => line !== '' && !isBoilerplate(line)).join(' ');
}

function normaliseInline(text: string): string {
  return normaliseText(text).replace(/\n+/g, ' ');
}

/** Code keeps its indentation and line structure; only trailing spaces and blank edges go. */
function normaliseCode(text: string): string {
  return text
    .normalize('NFC')
    .replace(lineBreak, '\n')
    .replace(invisible, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

/** `RegExp.test` without the state a global or sticky flag would carry between calls. */
function matches(pattern: RegExp, line: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(line);
}
