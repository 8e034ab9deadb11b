/**
 * The mark-up of the labelled personal-data sources: `[[TYPE|text]]` marks a span, a
 * literal "\\n" is a line break.
 */

const marker = /\[\[([A-Z_]+)\|(.*?)\]\]/g;

/** Turns one marked-up line into its text and spans. */
export function parseMarkedLine(line) {
  const source = line.replace(/\\n/g, '\n');
  const spans = [];
  let text = '';
  let position = 0;
  for (const match of source.matchAll(marker)) {
    text += source.slice(position, match.index);
    const start = text.length;
    text += match[2];
    spans.push({ type: match[1], start, end: text.length });
    position = match.index + match[0].length;
  }
  text += source.slice(position);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`Unclosed marker: ${line}`);
  return { text, spans };
}
