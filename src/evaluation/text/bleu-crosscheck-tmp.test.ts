import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { corpusBleu, sentenceBleu } from './bleu.js';
import { corpusChrf, sentenceChrf } from './chrf.js';
import { tokenize13a, trimEndWhitespace } from './tokenize-13a.js';

interface Case {
  cands: string[];
  refs: string[][];
  tok: string[];
  cb: any;
  sb: any;
  c0: number;
  c2: number;
  s0: number;
  s2: number;
}
const cases = JSON.parse(readFileSync('/tmp/sb-cases.json', 'utf8')) as Case[];
it('matches', () => {
  let bad = 0;
  cases.forEach((c, i) => {
    const problems: string[] = [];
    c.cands.forEach((cand, j) => {
      if (tokenize13a(trimEndWhitespace(cand)) !== c.tok[j])
        problems.push(
          `tok ${JSON.stringify(cand)} ${JSON.stringify(tokenize13a(cand))} vs ${JSON.stringify(c.tok[j])}`,
        );
    });
    const cb = corpusBleu(c.cands, c.refs);
    const sb = sentenceBleu(c.cands[0]!, c.refs[0]!);
    const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    if (
      !close(cb.score, c.cb.score) ||
      cb.sysLen !== c.cb.sysLen ||
      cb.refLen !== c.cb.refLen ||
      !close(cb.bp, c.cb.bp) ||
      cb.precisions.some((p, k) => !close(p, c.cb.precisions[k]))
    )
      problems.push(`cb ${JSON.stringify(cb)} vs ${JSON.stringify(c.cb)}`);
    if (!close(sb.score, c.sb.score) || sb.precisions.some((p, k) => !close(p, c.sb.precisions[k])))
      problems.push(`sb ${JSON.stringify(sb)} vs ${JSON.stringify(c.sb)}`);
    const pairs: [number, number, string][] = [
      [corpusChrf(c.cands, c.refs).score, c.c0, 'c0'],
      [corpusChrf(c.cands, c.refs, { wordOrder: 2 }).score, c.c2, 'c2'],
      [sentenceChrf(c.cands[0]!, c.refs[0]!).score, c.s0, 's0'],
      [sentenceChrf(c.cands[0]!, c.refs[0]!, { wordOrder: 2 }).score, c.s2, 's2'],
    ];
    for (const [a, b, n] of pairs) if (!close(a, b)) problems.push(`${n} ${a} vs ${b}`);
    if (problems.length) {
      bad++;
      if (bad < 6) console.log(i, JSON.stringify(c.cands), JSON.stringify(c.refs), problems);
    }
  });
  expect(bad).toBe(0);
});
