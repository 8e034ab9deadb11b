import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { personalDataTypes } from '../../src/guard/finding.js';
// @ts-expect-error plain JavaScript module without types
import { parseMarkedLine } from './pii-labelled-markup.js';

interface LabelledRecord {
  id: string;
  text: string;
  lang: string;
  spans: { type: string; start: number; end: number }[];
}

const here = path.dirname(fileURLToPath(import.meta.url));

function read(lang: string) {
  const records = readFileSync(path.join(here, 'labelled', `pii-${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as LabelledRecord);
  const sources = readFileSync(path.join(here, `pii-source-${lang}.txt`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return { records, sources };
}

describe.each(['en', 'de'])('labelled personal-data set %s', (lang) => {
  const { records, sources } = read(lang);

  it('has at least 150 lines with unique ids in the right language', () => {
    expect(records.length).toBeGreaterThanOrEqual(150);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(records.every((record) => record.lang === lang)).toBe(true);
  });

  it('matches its marked-up source: every span covers exactly the marked text', () => {
    expect(records).toHaveLength(sources.length);
    records.forEach((record, index) => {
      const source = parseMarkedLine(sources[index]) as Pick<LabelledRecord, 'text' | 'spans'>;
      expect(record.text, record.id).toBe(source.text);
      expect(record.spans, record.id).toEqual(source.spans);
      const marked = [...(sources[index] ?? '').matchAll(/\[\[[A-Z_]+\|(.*?)\]\]/g)].map((match) =>
        (match[1] ?? '').replace(/\\n/g, '\n'),
      );
      expect(record.spans.map((span) => record.text.slice(span.start, span.end))).toEqual(marked);
    });
  });

  it('has spans of known types that are trimmed, ordered and do not overlap', () => {
    for (const record of records) {
      let previousEnd = 0;
      for (const span of record.spans) {
        expect(personalDataTypes).toContain(span.type);
        expect(span.start, record.id).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end, record.id).toBeGreaterThan(span.start);
        expect(span.end, record.id).toBeLessThanOrEqual(record.text.length);
        const text = record.text.slice(span.start, span.end);
        expect(text.trim(), record.id).toBe(text);
        previousEnd = span.end;
      }
    }
  });

  it('includes hard negatives: lines without any span', () => {
    const negatives = records.filter((record) => record.spans.length === 0);
    expect(negatives.length).toBeGreaterThanOrEqual(40);
  });
});
