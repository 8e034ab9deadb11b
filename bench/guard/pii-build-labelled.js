/**
 * Builds the labelled personal-data sets from their marked-up sources, so that offsets are
 * computed, never typed: `[[EMAIL|anna@example.com]]` becomes a span over that text.
 * A literal "\n" in a source line is a line break in the text.
 *
 *   node bench/guard/pii-build-labelled.js
 *
 * Reads bench/guard/pii-source-{en,de}.txt, writes bench/guard/labelled/pii-{en,de}.jsonl.
 * Lines after the held-out comment get ids with `-h-`; the bench scores them separately.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkedLine } from './pii-labelled-markup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A comment opening the held-out batch: its lines get ids like `en-h-001`. */
const heldOutMarker = /^# (?:Held-out batch|Zurückgehaltener Block)/;

for (const lang of ['en', 'de']) {
  const lines = readFileSync(path.join(here, `pii-source-${lang}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const records = [];
  let heldOut = false;
  let heldOutCount = 0;
  for (const line of lines) {
    if (line.startsWith('#')) {
      heldOut ||= heldOutMarker.test(line);
      continue;
    }
    const { text, spans } = parseMarkedLine(line);
    const number = heldOut ? ++heldOutCount : records.length + 1;
    const id = `${lang}-${heldOut ? 'h-' : ''}${String(number).padStart(3, '0')}`;
    records.push({ id, text, lang, spans });
  }
  const file = path.join(here, 'labelled', `pii-${lang}.jsonl`);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  process.stderr.write(`${file}: ${records.length} lines, ${heldOutCount} held out\n`);
}
