import { marked } from 'marked';
import type { Token, Tokens } from 'marked';

import type { Block, ExtractedDocument, MetadataValue } from '../types.js';
import { fileTitle } from './file-title.js';
import { normaliseLanguage } from './language-tag.js';
import { splitFrontMatter } from './markdown-front-matter.js';
import { inlineText, stripHtml } from './markdown-inline.js';

/**
 * Markdown → blocks with the `marked` lexer; YAML front matter → title, language,
 * category and metadata.
 * @module
 */

const indentUnit = '  ';

function listItems(list: Tokens.List, depth: number): string[] {
  const items: string[] = [];
  for (const item of list.items) {
    const ownTokens = item.tokens.filter((token) => token.type !== 'list');
    const ownText = ownTokens.map((token) => inlineText(childTokens(token))).filter(Boolean);
    items.push(indentUnit.repeat(depth) + ownText.join(' '));
    for (const nested of item.tokens) {
      if (nested.type === 'list') items.push(...listItems(nested as Tokens.List, depth + 1));
    }
  }
  return items;
}

/** Inline children of a block-level token; a bare inline token stands for itself. */
function childTokens(token: Token): Token[] {
  if (token.type === 'checkbox') return [token];
  return 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : [token];
}

function tokenBlocks(token: Token): Block[] {
  switch (token.type) {
    case 'heading':
      return [{ type: 'heading', level: token.depth, text: inlineText(token.tokens) }];
    case 'paragraph':
    case 'text':
      return [{ type: 'paragraph', text: inlineText(childTokens(token)) }];
    case 'list':
      return [{ type: 'list', ordered: token.ordered, items: listItems(token as Tokens.List, 0) }];
    case 'table': {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => inlineText(cell.tokens));
      const rows = table.rows.map((row) => row.map((cell) => inlineText(cell.tokens)));
      return [{ type: 'table', rows: [header, ...rows] }];
    }
    case 'code':
      return [{ type: 'code', text: token.text }];
    case 'blockquote':
      return (token.tokens ?? []).flatMap(tokenBlocks);
    case 'html':
      return [{ type: 'paragraph', text: stripHtml(token.text).replace(/\s+/g, ' ').trim() }];
    default:
      return [];
  }
}

function isEmpty(block: Block): boolean {
  switch (block.type) {
    case 'list':
      return block.items.every((item) => item.trim() === '');
    case 'table':
      return block.rows.every((row) => row.every((cell) => cell === ''));
    default:
      return block.text.trim() === '';
  }
}

function metadataValue(value: unknown): MetadataValue | undefined {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return value as MetadataValue;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((entry) => typeof entry !== 'object')) {
    return value.join(', ');
  }
  return undefined;
}

const reservedKeys = new Set(['title', 'lang', 'language', 'category']);

/**
 * Extract a Markdown file. The title is the front matter `title`, else the first
 * heading, else the file name.
 *
 * @param relativePath becomes the `sourceUri` and names the file in errors
 */
export function extractMarkdown(text: string, relativePath: string): ExtractedDocument {
  const { attributes, body } = splitFrontMatter(text, relativePath);
  const blocks = marked
    .lexer(body)
    .flatMap(tokenBlocks)
    .filter((block) => !isEmpty(block));

  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const converted = metadataValue(value);
    if (!reservedKeys.has(key) && converted !== undefined) metadata[key] = converted;
  }

  const firstHeading = blocks.find((block) => block.type === 'heading');
  const declaredTitle = typeof attributes.title === 'string' ? attributes.title.trim() : '';
  const language = normaliseLanguage(attributes.lang ?? attributes.language);
  const category = metadataValue(attributes.category);

  return {
    sourceUri: relativePath,
    kind: 'article',
    title: declaredTitle || firstHeading?.text || fileTitle(relativePath),
    blocks,
    ...(language ? { language } : {}),
    ...(category !== undefined && category !== null ? { category: String(category) } : {}),
    metadata,
    warnings: [],
  };
}
