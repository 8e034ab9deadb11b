import type { Token } from 'marked';

import { decodeEntities } from './html-entities.js';

/**
 * Inline Markdown → plain text: links keep their text, emphasis and HTML tags go,
 * character references are decoded, soft line breaks become spaces.
 * @module
 */

/** Remove tags, comments and script/style bodies from an HTML fragment. */
export function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? joinTokens(token.tokens) : softText(token.text);
    case 'escape':
      return token.text;
    case 'codespan':
      return token.text;
    case 'br':
      return '\n';
    case 'html':
      return softText(stripHtml(token.text));
    case 'image':
      return softText(token.text);
    case 'checkbox':
      return token.checked ? '[x] ' : '[ ] ';
    default:
      if ('tokens' in token && Array.isArray(token.tokens)) return joinTokens(token.tokens);
      return 'text' in token && typeof token.text === 'string' ? softText(token.text) : '';
  }
}

function softText(text: string): string {
  return decodeEntities(text.replace(/[ \t\r\n]+/g, ' '));
}

function joinTokens(tokens: Token[]): string {
  return tokens.map(tokenText).join('');
}

/** Plain text of a run of inline tokens, trimmed, with hard breaks kept as newlines. */
export function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return joinTokens(tokens)
    .replace(/ *\n */g, '\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
