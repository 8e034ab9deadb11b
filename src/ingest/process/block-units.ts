/**
 * Cuts blocks into units no larger than a token budget, the pieces the chunker packs:
 * a block whole where it fits, otherwise a table by rows (header repeated), a list by
 * items, code by lines, prose by sentences, and a sentence by words.
 * @module
 */
import type { Block } from '../types.js';
import { blockText, listItemLine, tableRowLine } from './block-text.js';
import { splitSentences } from './sentences.js';
import { countTokens } from './tokens.js';

export interface Unit {
  text: string;
  tokens: number;
  /** How this unit joins the one before it in a chunk: a new line, or a space within prose. */
  separator: '\n' | ' ';
  /** Prose overlaps by sentences, lines by lines; headings and tables never overlap. */
  kind: 'prose' | 'lines' | 'heading' | 'table';
}

const unitKinds = {
  heading: 'heading',
  paragraph: 'prose',
  list: 'lines',
  table: 'table',
  code: 'lines',
} as const satisfies Record<Block['type'], Unit['kind']>;

/** The units of one block, each at most `budget` tokens. */
export function blockUnits(block: Block, budget: number): Unit[] {
  const text = blockText(block);
  const tokens = countTokens(text);
  const kind = unitKinds[block.type];
  if (tokens <= budget) return [{ text, tokens, separator: '\n', kind }];

  switch (block.type) {
    case 'heading':
      return wordUnits(text, budget, 'heading').map((unit, index) =>
        index === 0 ? { ...unit, separator: '\n' } : unit,
      );
    case 'paragraph':
      return proseUnits(text, budget);
    case 'list':
      return block.items.flatMap((item) => lineUnits(listItemLine(item), budget));
    case 'code':
      return text.split('\n').flatMap((line) => lineUnits(line, budget));
    case 'table':
      return tableUnits(block.rows, budget);
  }
}

/** Rows packed under a repeated header row; a row too long even alone is cut by words. */
function tableUnits(rows: string[][], budget: number): Unit[] {
  const [header, ...body] = rows.map(tableRowLine);
  const headerTokens = countTokens(header ?? '');
  const units: Unit[] = [];
  let lines: string[] = [];
  let tokens = 0;

  const flush = (): void => {
    if (lines.length === 0) return;
    units.push({
      text: [header, ...lines].join('\n'),
      tokens: headerTokens + tokens,
      separator: '\n',
      kind: 'table',
    });
    lines = [];
    tokens = 0;
  };

  for (const row of body) {
    const rowTokens = countTokens(row);
    if (headerTokens + rowTokens > budget) {
      flush();
      units.push(...lineUnits(row, budget).map((unit) => ({ ...unit, kind: 'table' as const })));
      continue;
    }
    if (headerTokens + tokens + rowTokens > budget) flush();
    lines.push(row);
    tokens += rowTokens;
  }

  flush();
  return units;
}

function lineUnits(line: string, budget: number): Unit[] {
  const tokens = countTokens(line);
  if (tokens <= budget) return [{ text: line, tokens, separator: '\n', kind: 'lines' }];
  return proseUnits(line, budget).map((unit) => ({ ...unit, kind: 'lines' }));
}

/** Sentences as units; the first starts a new line, the rest continue the paragraph. */
function proseUnits(text: string, budget: number): Unit[] {
  const units = splitSentences(text).flatMap((sentence): Unit[] => {
    const tokens = countTokens(sentence);
    if (tokens <= budget) return [{ text: sentence, tokens, separator: ' ', kind: 'prose' }];
    return wordUnits(sentence, budget, 'prose');
  });
  return units.map((unit, index) => (index === 0 ? { ...unit, separator: '\n' } : unit));
}

/** Words packed up to the budget; a single word over it is cut into pieces. */
function wordUnits(text: string, budget: number, kind: Unit['kind']): Unit[] {
  const units: Unit[] = [];
  let words: string[] = [];
  let tokens = 0;

  const flush = (): void => {
    if (words.length > 0) units.push({ text: words.join(' '), tokens, separator: ' ', kind });
    words = [];
    tokens = 0;
  };

  for (const word of text.split(' ').flatMap((piece) => cutWord(piece, budget))) {
    const wordTokens = countTokens(word);
    if (tokens + wordTokens > budget) flush();
    words.push(word);
    tokens += wordTokens;
  }

  flush();
  return units;
}

/**
 * Pieces of at most `budget` UTF-16 units: a token covers at least one character, so such
 * a piece never exceeds the budget. Surrogate pairs are not torn apart.
 */
function cutWord(word: string, budget: number): string[] {
  if (word.length <= budget || countTokens(word) <= budget) return word === '' ? [] : [word];
  const pieces: string[] = [];
  for (let start = 0; start < word.length;) {
    let end = Math.min(start + budget, word.length);
    const last = word.charCodeAt(end - 1);
    if (end < word.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(word.slice(start, end));
    start = end;
  }
  return pieces;
}
