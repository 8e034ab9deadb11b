/**
 * How blocks read as plain text; shared by the document text and by chunks, so the
 * two always agree.
 * @module
 */
import type { Block } from '../types.js';

/** A list item as a line: "- item". */
export function listItemLine(item: string): string {
  return `- ${item}`;
}

/** A table row as a line: its cells joined by " | ". */
export function tableRowLine(row: string[]): string {
  return row.join(' | ');
}

/**
 * The plain text of one block: headings, paragraphs and code as they are, list items as
 * "- item" lines, table rows as cells joined by " | ", one row a line.
 */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'code':
      return block.text;
    case 'list':
      return block.items.map(listItemLine).join('\n');
    case 'table':
      return block.rows.map(tableRowLine).join('\n');
  }
}

/**
 * The plain text of a document: each block on its own line(s), in order.
 *
 * @example
 * documentText([{ type: 'heading', level: 1, text: 'Pflege' }, { type: 'list', ordered: false,
 *   items: ['Kalt waschen', 'Nicht bleichen'] }]);
 * // 'Pflege\n- Kalt waschen\n- Nicht bleichen'
 */
export function documentText(blocks: Block[]): string {
  return blocks.map(blockText).join('\n');
}
