#!/usr/bin/env node
// Builds the labelled guard sets from the hand-written sources in bench/guard/sources:
// one example per line, `[[span|rule]]` marks a span, and this script computes exact
// UTF-16 offsets so nobody counts characters by hand. Macros: {{b64:text}} (base64),
// {{zw}} (zero-width space), {{tag:text}} (Unicode tag characters); `\n` is a line break;
// a `retrieved|` prefix sets the source for injection lines.
//
//   node bench/guard/build-labelled.js
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const typeOfSet = { claims: 'CLAIM', toxicity: 'TOXICITY', injection: 'PROMPT_INJECTION' };

function expandMacros(text) {
  return text
    .replace(/\{\{b64:([^}]*)\}\}/g, (_match, plain) => Buffer.from(plain).toString('base64'))
    .replace(/\{\{zw\}\}/g, '\u200B')
    .replace(/\{\{tag:([^}]*)\}\}/g, (_match, plain) =>
      [...plain].map((char) => String.fromCodePoint(0xe0000 + char.codePointAt(0))).join(''),
    )
    .replaceAll('\\n', '\n');
}

function parseLine(line, type) {
  let source;
  let rest = line;
  if (rest.startsWith('retrieved|')) {
    source = 'retrieved';
    rest = rest.slice('retrieved|'.length);
  }
  let text = '';
  const spans = [];
  for (;;) {
    const open = rest.indexOf('[[');
    if (open < 0) break;
    const close = rest.indexOf(']]', open + 2);
    if (close < 0) throw new Error(`unclosed span in: ${line}`);
    const inner = rest.slice(open + 2, close);
    const bar = inner.lastIndexOf('|');
    text += expandMacros(rest.slice(0, open));
    const spanText = expandMacros(inner.slice(0, bar));
    spans.push({
      type,
      start: text.length,
      end: text.length + spanText.length,
      rule: inner.slice(bar + 1),
    });
    text += spanText;
    rest = rest.slice(close + 2);
  }
  text += expandMacros(rest);
  return { text, spans, source };
}

for (const file of readdirSync(path.join(here, 'sources')).filter((name) =>
  name.endsWith('.txt'),
)) {
  const parts = path.basename(file, '.txt').split('-');
  const set = parts[0];
  const lang = parts.at(-1);
  const name = parts.join('-');
  const lines = readFileSync(path.join(here, 'sources', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const output = lines.map((line, index) => {
    const { text, spans, source } = parseLine(line, typeOfSet[set]);
    for (const span of spans) {
      if (text.slice(span.start, span.end).length === 0) throw new Error(`empty span: ${line}`);
    }
    const id = `${name}-${String(index + 1).padStart(3, '0')}`;
    return JSON.stringify({
      id,
      text,
      lang,
      ...(set === 'injection' ? { source: source ?? 'user' } : {}),
      spans,
    });
  });
  writeFileSync(path.join(here, 'labelled', `${name}.jsonl`), `${output.join('\n')}\n`);
  process.stdout.write(`${name}.jsonl: ${output.length} lines\n`);
}
