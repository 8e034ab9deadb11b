import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { bertScore } from './bertscore.js';
import { createTransformersTokenEncoder } from './transformers-token-encoder.js';

const MODELS = fileURLToPath(new URL('../../../../shared/models/', import.meta.url));
const DUMMY = path.join(MODELS, 'vespa-dummy-bert-mlm');
const present = existsSync(DUMMY);
const title = present ? '' : ' (skipped: ../shared/models/vespa-dummy-bert-mlm is absent)';

// Random weights: these tests check the token-state plumbing, never meaning.
describe.skipIf(!present)(`transformers.js token states for BERTScore${title}`, () => {
  it('returns one unit vector per word piece, special tokens left out', async () => {
    const encoder = await createTransformersTokenEncoder({
      model: DUMMY,
      revision: 'vespa-1f79d33',
      dimension: 30522,
      offline: true,
    });
    const tokenizer = await AutoTokenizer.from_pretrained(DUMMY, { local_files_only: true });
    const text = 'Waterproof jackets for rainy weekends';
    const [encoding, short] = await encoder.encode([text, 'sale']);
    const pieces = tokenizer.tokenize(text);

    expect(encoding!.tokens).toEqual(
      pieces.map((piece) => String(tokenizer.convert_tokens_to_ids(piece))),
    );
    expect(encoding!.vectors).toHaveLength(pieces.length);
    const norm = Math.hypot(...encoding!.vectors[0]!);
    expect(norm).toBeCloseTo(1, 5);
    expect(short!.tokens).toHaveLength(1);
    expect(encoder.method).toBe('contextual');

    const [same] = await bertScore([{ candidate: text, references: [text] }], encoder);
    expect(same!.f1).toBeCloseTo(1, 5);
    await encoder.close();
  });
});
