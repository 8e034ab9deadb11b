import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stemmer.js';

// Recorded output of NLTK's PorterStemmer (see the first line of the file), so the test
// checks agreement with the reference without needing Python.
const [header, ...cases] = readFileSync(
  new URL('./porter-stemmer-nltk-cases.jsonl', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('porterStem agrees with NLTK', () => {
  it(`on ${cases.length} recorded words (${(header as { source: string }).source})`, () => {
    const mismatches = (cases as Array<[string, string]>)
      .filter(([word, stem]) => porterStem(word) !== stem)
      .map(([word, stem]) => `${word}: expected ${stem}, got ${porterStem(word)}`);
    expect(mismatches).toEqual([]);
  });
});
