import type { Block } from '../types.js';
import { isElement, textNode } from './dom-types.js';
import type { DomElement, DomNode } from './dom-types.js';

/**
 * Walk an HTML element into blocks: h1–h6, p, ul/ol, table and pre become their
 * block types; containers are entered; loose inline text becomes paragraphs.
 * @module
 */

const skippedTags = new Set([
  ...'script style noscript template svg iframe button select input'.split(' '),
  ...'textarea head title meta link'.split(' '),
]);

const blockTags = new Set(
  [
    'address article aside blockquote body dd details dialog div dl dt fieldset figcaption',
    'figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary',
    'table tbody td tfoot th thead tr ul html',
  ]
    .join(' ')
    .split(' '),
);

const indentUnit = '  ';

function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

function rawText(node: DomNode, skipLists: boolean): string {
  if (node.nodeType === textNode) return (node.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ');
  if (!isElement(node)) return '';

  const tag = tagOf(node);
  if (skippedTags.has(tag) || (skipLists && (tag === 'ul' || tag === 'ol'))) return '';
  if (tag === 'br') return '\n';

  let text = '';
  for (const child of Array.from(node.childNodes)) text += rawText(child, skipLists);
  return blockTags.has(tag) ? ` ${text} ` : text;
}

/** Visible text of an element with collapsed whitespace; `<br>` stays a line break. */
export function elementText(element: DomNode, skipLists = false): string {
  return rawText(element, skipLists)
    .replace(/ *\n */g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function listItems(list: DomElement, depth: number): string[] {
  const items: string[] = [];
  for (const item of Array.from(list.children)) {
    if (tagOf(item) !== 'li') continue;
    const text = elementText(item, true);
    if (text) items.push(indentUnit.repeat(depth) + text);
    for (const nested of Array.from(item.querySelectorAll('ul, ol'))) {
      // Only lists directly inside this item; deeper ones are reached by recursion.
      if (closestList(nested) === item) items.push(...listItems(nested, depth + 1));
    }
  }
  return items;
}

/** The nearest enclosing `li` of a nested list. */
function closestList(element: DomElement): DomElement | undefined {
  let parent = element.parentElement;
  while (parent && tagOf(parent) !== 'li') parent = parent.parentElement;
  return parent ?? undefined;
}

function tableRows(table: DomElement): string[][] {
  const rows: string[][] = [];
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    const cells = Array.from(row.children)
      .filter((cell) => ['td', 'th'].includes(tagOf(cell)))
      .map((cell) => elementText(cell));
    if (cells.some((cell) => cell !== '')) rows.push(cells);
  }
  return rows;
}

function hasBlockDescendant(element: DomElement): boolean {
  return element.querySelector('p, div, ul, ol, table, pre, h1, h2, h3, h4, h5, h6') !== null;
}

/** The blocks of one element's content, in document order. */
export function htmlBlocks(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let pending = '';

  const flush = (): void => {
    const text = pending
      .replace(/ *\n */g, '\n')
      .replace(/ {2,}/g, ' ')
      .trim();
    if (text) blocks.push({ type: 'paragraph', text });
    pending = '';
  };

  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (!isElement(child)) {
        pending += rawText(child, false);
        continue;
      }
      const tag = tagOf(child);
      if (skippedTags.has(tag)) continue;
      if (!blockTags.has(tag) && !hasBlockDescendant(child)) {
        pending += rawText(child, false);
        continue;
      }

      flush();
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        const text = elementText(child);
        if (text) blocks.push({ type: 'heading', level: Number(heading[1]), text });
      } else if (tag === 'p') {
        pending = rawText(child, false);
      } else if (tag === 'ul' || tag === 'ol') {
        const items = listItems(child, 0);
        if (items.length > 0) blocks.push({ type: 'list', ordered: tag === 'ol', items });
      } else if (tag === 'table') {
        const rows = tableRows(child);
        if (rows.length > 0) blocks.push({ type: 'table', rows });
      } else if (tag === 'pre') {
        const text = (child.textContent ?? '').replace(/^\n|\s+$/g, '');
        if (text) blocks.push({ type: 'code', text });
      } else {
        walk(child);
      }
      flush();
    }
  };

  walk(root);
  flush();
  return blocks;
}
