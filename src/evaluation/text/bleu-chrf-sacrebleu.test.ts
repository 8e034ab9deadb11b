import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusBleu, sentenceBleu } from './bleu.js';
import { corpusChrf, sentenceChrf } from './chrf.js';
import { tokenize13a, trimEndWhitespace } from './tokenize-13a.js';

/** A BLEU result as sacreBLEU reported it. */
interface RecordedBleu {
  score: number;
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/**
 * One recorded case: random sentences over a vocabulary with punctuation, numbers, entities,
 * umlauts, emoji, CJK and unusual whitespace, scored by sacreBLEU 2.6.0 with default settings
 * (seed 7). `refs[i]` are the references of `cands[i]`; the sentence scores use segment 0.
 */
interface RecordedCase {
  cands: string[];
  refs: string[][];
  /** sacreBLEU's 13a tokenization of each candidate after rstrip(). */
  tok: string[];
  cb: RecordedBleu;
  sb: RecordedBleu;
  c0: number;
  c2: number;
  s0: number;
  s2: number;
}

const casesFile = new URL('./bleu-chrf-sacrebleu-cases.jsonl', import.meta.url);
const cases = readFileSync(casesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedCase);

function expectBleu(actual: RecordedBleu, recorded: RecordedBleu): void {
  expect(actual.score).toBeCloseTo(recorded.score, 9);
  expect(actual.bp).toBeCloseTo(recorded.bp, 12);
  expect(actual.sysLen).toBe(recorded.sysLen);
  expect(actual.refLen).toBe(recorded.refLen);
  actual.precisions.forEach((precision, index) => {
    expect(precision).toBeCloseTo(recorded.precisions[index]!, 9);
  });
}

describe(`agreement with ${cases.length} cases recorded from sacreBLEU 2.6.0`, () => {
  it.each(cases.map((recorded, index) => [index, recorded] as const))(
    'case %i',
    (_index, recorded) => {
      const firstCandidate = recorded.cands[0]!;
      const firstReferences = recorded.refs[0]!;
      const tokens = recorded.cands.map((candidate) => tokenize13a(trimEndWhitespace(candidate)));

      expect(tokens).toEqual(recorded.tok);
      expectBleu(corpusBleu(recorded.cands, recorded.refs), recorded.cb);
      expectBleu(sentenceBleu(firstCandidate, firstReferences), recorded.sb);
      expect(corpusChrf(recorded.cands, recorded.refs).score).toBeCloseTo(recorded.c0, 9);
      expect(corpusChrf(recorded.cands, recorded.refs, { wordOrder: 2 }).score).toBeCloseTo(
        recorded.c2,
        9,
      );
      expect(sentenceChrf(firstCandidate, firstReferences).score).toBeCloseTo(recorded.s0, 9);
      expect(sentenceChrf(firstCandidate, firstReferences, { wordOrder: 2 }).score).toBeCloseTo(
        recorded.s2,
        9,
      );
    },
  );
});
