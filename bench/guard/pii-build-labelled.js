/**
 * Builds the labelled personal-data sets from their marked-up sources, so that offsets are
 * computed, never typed: `[[EMAIL|anna@example.com]]` becomes a span over that text.
 * A literal "\n" in a source line is a line break in the text.
 *
 *   node bench/guard/pii-build-labelled.js
 *
 * Reads bench/guard/pii-source-{en,de}.txt, writes bench/guard/labelled/pii-{en,de}.jsonl.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkedLine } from './pii-labelled-markup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const lang of ['en', 'de']) {
  const lines = readFileSync(path.join(here, `pii-source-${lang}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const records = lines.map((line, index) => {
    const { text, spans } = parseMarkedLine(line);
    return { id: `${lang}-${String(index + 1).padStart(3, '0')}`, text, lang, spans };
  });
  const file = path.join(here, 'labelled', `pii-${lang}.jsonl`);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  process.stderr.write(`${file}: ${records.length} lines\n`);
}
