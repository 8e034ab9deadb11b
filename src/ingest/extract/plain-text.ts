import type { Block, ExtractedDocument } from '../types.js';
import { fileTitle } from './file-title.js';

/**
 * Plain text → blocks: paragraphs are separated by blank lines; underlined and short
 * ALL-CAPS lines become headings; runs of bullet lines become lists.
 * @module
 */

const maximumHeadingLength = 80;
const maximumCapsHeadingLength = 60;
const bulletPattern = /^\s*(?:([-*•–])|(\d{1,3})[.)])\s+(.*)$/;

function underlineLevel(line: string | undefined): number | undefined {
  if (line === undefined) return undefined;
  if (/^\s*={3,}\s*$/.test(line)) return 1;
  if (/^\s*-{3,}\s*$/.test(line)) return 2;
  return undefined;
}

function isCapsHeading(line: string): boolean {
  const trimmed = line.trim();
  const letters = trimmed.match(/\p{L}/gu) ?? [];
  return (
    trimmed.length <= maximumCapsHeadingLength &&
    letters.length >= 3 &&
    trimmed === trimmed.toUpperCase() &&
    !/[.,;]$/.test(trimmed)
  );
}

function paragraphBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;

  const flush = (): void => {
    if (prose.length > 0) blocks.push({ type: 'paragraph', text: prose.join(' ') });
    if (list) blocks.push({ type: 'list', ...list });
    prose = [];
    list = undefined;
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    const underline = underlineLevel(lines[index + 1]);
    const bullet = bulletPattern.exec(line);

    if (underline !== undefined && line.length > 0 && line.length <= maximumHeadingLength) {
      flush();
      blocks.push({ type: 'heading', level: underline, text: line });
      index += 1;
    } else if (index === 0 && isCapsHeading(line)) {
      blocks.push({ type: 'heading', level: 2, text: line });
    } else if (bullet) {
      const ordered = bullet[2] !== undefined;
      if (prose.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push((bullet[3] ?? '').trim());
    } else if (list && /^\s+\S/.test(lines[index] ?? '')) {
      // An indented line continues the previous bullet.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line}`;
    } else if (line.length > 0) {
      if (list) flush();
      prose.push(line);
    }
  }
  flush();
  return blocks;
}

/**
 * Extract a plain-text file. The title is the first heading found, else the file name.
 *
 * @param relativePath becomes the `sourceUri`
 */
export function extractPlainText(text: string, relativePath: string): ExtractedDocument {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const blocks = paragraphs.flatMap((paragraph) => paragraphBlocks(paragraph.split('\n')));
  const firstHeading = blocks.find((block) => block.type === 'heading');

  return {
    sourceUri: relativePath,
    kind: 'text',
    title: firstHeading?.text ?? fileTitle(relativePath),
    blocks,
    metadata: {},
    warnings: [],
  };
}
