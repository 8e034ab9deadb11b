import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// prettier-ignore
import {
  createHashedWordEmbedder,
} from '../../evaluation/bertscore/test-support/hashed-word-embedder.js';
import { createWordTokenEncoder } from '../../evaluation/bertscore/word-token-encoder.js';
import { evaluateBertscoreFile } from './eval-bertscore-command.js';

describe('eval bertscore', () => {
  it('scores each line of the eval text input and adds the corpus means', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'markwerk-bertscore-'));
    const file = path.join(folder, 'pairs.jsonl');
    writeFileSync(
      file,
      [
        { id: 1, candidate: 'light running shoes', references: ['light running shoes'] },
        { id: 'b', candidate: 'store opening hours', references: ['light running shoes'] },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const encoder = createWordTokenEncoder(createHashedWordEmbedder());

    const lines = await evaluateBertscoreFile(file, encoder, { idf: false });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 1, reference: 0 });
    expect(lines[0]!.f1).toBeCloseTo(1, 6);
    expect(lines[1]!.f1).toBeLessThan(0.5);
    expect(lines[2]).toMatchObject({
      id: 'corpus',
      segments: 2,
      model: 'hashed-word-stand-in',
      method: 'word-level',
      idf: false,
    });
    expect(lines[2]!.f1).toBeCloseTo((lines[0]!.f1 + lines[1]!.f1) / 2, 12);

    writeFileSync(file, '{"id":1,"candidate":"x","references":[]}\n');
    await expect(evaluateBertscoreFile(file, encoder)).rejects.toMatchObject({
      code: 'INPUT_MALFORMED',
      message: expect.stringContaining('give at least one reference'),
    });
  });
});
