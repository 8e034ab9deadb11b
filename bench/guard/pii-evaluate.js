/**
 * Scores a personal-data detector against the labelled sets. Shared by the bench script
 * (which imports the built detector from dist/) and its test (which imports the source).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

/** The labelled records of one language. */
export function readLabelledSet(lang) {
  return readFileSync(path.join(here, 'labelled', `pii-${lang}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/**
 * The sample brand's allow-list, as a deployment would configure it: its own role e-mail
 * addresses, hotline and postal addresses (exact), the brand name and the first word of each
 * product name from samples/feeds/products.csv (words).
 */
export function sampleBrandAllowList() {
  const csv = readFileSync(path.join(repoRoot, 'samples/feeds/products.csv'), 'utf8');
  const words = new Set(['Bergfink', 'BergfinkDry']);
  for (const line of csv.split('\n').slice(1)) {
    const columns = line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? [];
    for (const column of [columns[4], columns[5]]) {
      const first = column?.replace(/^"|",?$|,$/g, '').split(/[\s-]/)[0] ?? '';
      if (first.length >= 4 && /^\p{Lu}/u.test(first)) words.add(first);
    }
  }
  const exact = ['service', 'presse', 'info', 'jobs', 'datenschutz'].map(
    (role) => `${role}@bergfink.example`,
  );
  exact.push(
    '+49 831 960 450 0',
    'Am Illerufer 3, 87435 Kempten',
    '500 Pine Street, Suite 300, Seattle, WA 98101',
    'Bahnhofstrasse 21, 8001 Zürich',
  );
  return { exact, words: [...words] };
}

/**
 * Runs `detect(text, options)` over both sets and scores it with `spanMetrics`, for exact and
 * overlap matching. Returns per-language reports and the misses, for reading. With
 * `heldOutOnly`, only the held-out batch (ids with `-h-`) is scored.
 */
export function evaluatePii({ detect, spanMetrics, minScore = 0, heldOutOnly = false }) {
  const allow = sampleBrandAllowList();
  const results = {};
  for (const lang of ['en', 'de']) {
    const expected = [];
    const predicted = [];
    const errors = [];
    const records = readLabelledSet(lang).filter(
      (record) => !heldOutOnly || record.id.includes('-h-'),
    );
    for (const record of records) {
      const findings = detect(record.text, { lang, allow, minScore });
      const base = `${record.id}:`;
      for (const span of record.spans) expected.push({ ...span, key: base });
      for (const finding of findings) {
        predicted.push({ type: finding.type, start: finding.start, end: finding.end, key: base });
      }
      const same = (a, b) => a.type === b.type && a.start === b.start && a.end === b.end;
      for (const span of record.spans) {
        if (!findings.some((finding) => same(finding, span))) {
          errors.push(
            `MISS ${record.id} ${span.type} "${record.text.slice(span.start, span.end)}"`,
          );
        }
      }
      for (const finding of findings) {
        if (!record.spans.some((span) => same(finding, span))) {
          errors.push(`FALSE ${record.id} ${finding.type} "${finding.text}" (${finding.rule})`);
        }
      }
    }
    results[lang] = {
      exact: scoreByRecord(spanMetrics, expected, predicted, 'exact'),
      overlap: scoreByRecord(spanMetrics, expected, predicted, 'overlap'),
      errors,
    };
  }
  return results;
}

/** Shifts each record's spans into its own stretch so spans of two records never meet. */
function scoreByRecord(spanMetrics, expected, predicted, match) {
  const keys = new Map();
  const shift = (span) => {
    if (!keys.has(span.key)) keys.set(span.key, keys.size * 1_000_000);
    const base = keys.get(span.key);
    return { type: span.type, start: span.start + base, end: span.end + base };
  };
  return spanMetrics(expected.map(shift), predicted.map(shift), { match });
}
