import { describe, expect, it } from 'vitest';
import type { ChunkingConfig } from '../../core/config-schema.js';
import type { Block } from '../types.js';
import { chunkBlocks } from './chunker.js';
import { documentText } from './normalise.js';
import { splitSentences } from './sentences.js';
import { countTokens } from './tokens.js';

const config: ChunkingConfig = { maxTokens: 60, overlapTokens: 15 };

const washingSentences = Array.from(
  { length: 14 },
  (_, index) =>
    `Schritt ${index + 1}: Wolle z. B. bei ca. 30 Grad waschen und danach liegend trocknen.`,
);
const sizeRows = Array.from({ length: 30 }, (_, index) => [
  `Größe ${index + 1}`,
  `${32 + index * 2}`,
  `${index + 2}`,
]);

const blocks: Block[] = [
  { type: 'heading', level: 1, text: 'Pflege' },
  { type: 'paragraph', text: 'Gute Pflege verlängert das Leben deiner Lieblingsstücke.' },
  { type: 'heading', level: 2, text: 'Waschen' },
  { type: 'paragraph', text: washingSentences.join(' ') },
  { type: 'heading', level: 3, text: 'Handwäsche' },
  { type: 'list', ordered: false, items: ['Lauwarmes Wasser', 'Wollwaschmittel', 'Nicht reiben'] },
  { type: 'heading', level: 2, text: 'Größen' },
  {
    type: 'table',
    rows: [
      ['Größe', 'EU'],
      ['S', '36'],
      ['M', '38'],
    ],
  },
  { type: 'table', rows: [['Größe', 'EU', 'US'], ...sizeRows] },
  { type: 'paragraph', text: Array.from({ length: 80 }, (_, index) => `wort${index}`).join(' ') },
];

describe('chunkBlocks', () => {
  const chunks = chunkBlocks(blocks, config);

  it('keeps every chunk within maxTokens, overlap included, and counts tokens of the text', () => {
    expect(chunks.length).toBeGreaterThan(5);
    chunks.forEach((chunk, index) => {
      expect(chunk.ordinal).toBe(index);
      expect(chunk.tokenCount).toBe(countTokens(chunk.text));
      expect(chunk.tokenCount).toBeLessThanOrEqual(config.maxTokens);
    });
  });

  it('keeps every sentence of the input in some chunk', () => {
    for (const block of blocks.filter((item) => item.type === 'paragraph').slice(0, 2)) {
      for (const sentence of splitSentences(block.text)) {
        expect(
          chunks.some((chunk) => chunk.text.includes(sentence)),
          sentence,
        ).toBe(true);
      }
    }
  });

  it('cuts a sentence longer than maxTokens by words, losing none', () => {
    const words = chunks
      .filter((chunk) => chunk.text.includes('wort'))
      .flatMap((chunk) => chunk.text.split(/\s+/))
      .filter((word) => word.startsWith('wort'));
    expect(new Set(words).size).toBe(80);
  });

  it('starts a chunk at headings of level 1 and 2 and keeps the path out of the text', () => {
    expect(chunks[0]).toMatchObject({
      headingPath: ['Pflege'],
      text: 'Gute Pflege verlängert das Leben deiner Lieblingsstücke.',
    });
    expect(chunks[1]?.headingPath).toEqual(['Pflege', 'Waschen']);
    expect(chunks[1]?.text.startsWith('Schritt 1:')).toBe(true);
    expect(chunks.every((chunk) => !chunk.text.includes('Pflege > '))).toBe(true);
    const sizes = chunks.filter((chunk) => chunk.headingPath.join(' > ') === 'Pflege > Größen');
    expect(sizes[0]?.text.startsWith('Größe | EU\nS | 36')).toBe(true);
    expect(sizes.every((chunk) => !chunk.text.includes('Schritt'))).toBe(true);
  });

  it('names a deeper heading in the path when it starts a chunk', () => {
    const withList = chunks.find((chunk) => chunk.text.includes('- Lauwarmes Wasser'));
    expect(withList?.headingPath).toEqual(['Pflege', 'Waschen', 'Handwäsche']);
    expect(withList?.text).toBe('- Lauwarmes Wasser\n- Wollwaschmittel\n- Nicht reiben');
  });

  it('keeps a deeper heading met inside a chunk in its text', () => {
    const small = chunkBlocks(
      blocks.slice(0, 6).filter((block) => block.type !== 'paragraph'),
      config,
    );
    expect(small).toEqual([
      {
        ordinal: 0,
        text: '- Lauwarmes Wasser\n- Wollwaschmittel\n- Nicht reiben',
        tokenCount: 11,
        headingPath: ['Pflege', 'Waschen', 'Handwäsche'],
      },
    ]);
    const mixed = chunkBlocks(
      [
        { type: 'heading', level: 2, text: 'Waschen' },
        { type: 'paragraph', text: 'Immer kalt waschen.' },
        { type: 'heading', level: 3, text: 'Handwäsche' },
        { type: 'paragraph', text: 'Sanft drücken, nicht reiben.' },
      ],
      config,
    );
    expect(mixed).toEqual([
      {
        ordinal: 0,
        text: 'Immer kalt waschen.\nHandwäsche\nSanft drücken, nicht reiben.',
        tokenCount: 14,
        headingPath: ['Waschen'],
      },
    ]);
  });

  it('moves a heading left at the end of a full chunk to the next chunk path', () => {
    const result = chunkBlocks(
      [
        { type: 'heading', level: 2, text: 'Waschen' },
        { type: 'paragraph', text: washingSentences[0] ?? '' },
        { type: 'heading', level: 3, text: 'Handwäsche' },
        { type: 'paragraph', text: washingSentences[1] ?? '' },
      ],
      { maxTokens: 30, overlapTokens: 10 },
    );
    expect(result.map((chunk) => [chunk.headingPath, chunk.text])).toEqual([
      [['Waschen'], washingSentences[0]],
      [['Waschen', 'Handwäsche'], washingSentences[1]],
    ]);
  });

  it('keeps a small table whole', () => {
    expect(chunks.some((chunk) => chunk.text.includes('Größe | EU\nS | 36\nM | 38'))).toBe(true);
  });

  it('splits a big table by rows and repeats its header row', () => {
    const parts = chunks.filter((chunk) => chunk.text.includes('Größe 1'));
    const tableParts = chunks.filter((chunk) => /Größe \d+ \| /.test(chunk.text));
    expect(parts.length).toBeGreaterThan(0);
    expect(tableParts.length).toBeGreaterThan(1);
    for (const part of tableParts) expect(part.text).toContain('Größe | EU | US\n');
    for (const row of sizeRows) {
      const line = row.join(' | ');
      expect(
        tableParts.some((part) => part.text.split('\n').includes(line)),
        line,
      ).toBe(true);
    }
  });

  it('overlaps consecutive chunks of one section by about overlapTokens tokens', () => {
    const washing = chunks.filter((chunk) => chunk.text.includes('Schritt'));
    expect(washing.length).toBeGreaterThan(2);
    for (let index = 1; index < washing.length; index++) {
      const previous = washing[index - 1]?.text ?? '';
      const overlap = (washing[index]?.text ?? '').split(' Schritt')[0] ?? '';
      expect(previous.endsWith(overlap), `chunk ${index}`).toBe(true);
      expect(countTokens(overlap)).toBeGreaterThan(config.overlapTokens / 2);
      expect(countTokens(overlap)).toBeLessThanOrEqual(config.overlapTokens);
    }
  });

  it('takes the overlap in whole sentences when one fits', () => {
    const wide = chunkBlocks(blocks.slice(2, 4), { maxTokens: 80, overlapTokens: 30 });
    expect(wide.length).toBeGreaterThan(2);
    for (let index = 1; index < wide.length; index++) {
      const lastSentence = splitSentences(wide[index - 1]?.text ?? '').at(-1) ?? '';
      expect(lastSentence).toMatch(/^Schritt \d+:/);
      expect(wide[index]?.text.startsWith(`${lastSentence} Schritt`), `chunk ${index}`).toBe(true);
    }
  });

  it('never overlaps from a table', () => {
    const tableParts = chunks.filter((chunk) => chunk.text.includes('Größe | EU'));
    for (const part of tableParts) expect(part.text.startsWith('Größe | EU')).toBe(true);
  });

  it('does not overlap across a heading and returns nothing for no blocks', () => {
    const sizes = chunks.find((chunk) => chunk.headingPath.at(-1) === 'Größen');
    expect(sizes?.text).not.toContain('Nicht reiben');
    expect(chunkBlocks([], config)).toEqual([]);
  });

  it('packs short blocks together and makes no overlap when overlapTokens is 0', () => {
    const short: Block[] = [
      { type: 'paragraph', text: 'Eins.' },
      { type: 'paragraph', text: 'Zwei.' },
      { type: 'list', ordered: true, items: ['Drei', 'Vier'] },
    ];
    expect(chunkBlocks(short, { maxTokens: 16, overlapTokens: 0 })).toEqual([
      { ordinal: 0, text: 'Eins.\nZwei.\n- Drei\n- Vier', tokenCount: 8, headingPath: [] },
    ]);
    const chunksWithoutOverlap = chunkBlocks(blocks, { maxTokens: 60, overlapTokens: 0 });
    const washing = chunksWithoutOverlap.filter((chunk) => chunk.text.includes('Schritt'));
    const total = washing.reduce(
      (sum, chunk) => sum + (chunk.text.match(/Schritt/g)?.length ?? 0),
      0,
    );
    expect(total).toBe(washingSentences.length);
  });
});

describe('chunkBlocks on generated documents', () => {
  /** A deterministic generator of documents with short and overlong words and sentences. */
  function generatedBlocks(seed: number): Block[] {
    let state = seed;
    const next = (limit: number): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % limit;
    };
    const word = (): string =>
      next(40) === 0
        ? 'x'.repeat(20 + next(200))
        : (['Wolle', 'z. B.', 'Preis', '2.5', 'kg'][next(5)] ?? '');
    const sentence = (): string =>
      `${Array.from({ length: 1 + next(next(10) === 0 ? 120 : 15) }, word).join(' ')}.`;
    return Array.from({ length: 5 + next(20) }, (): Block => {
      const kind = next(3);
      if (kind === 0) return { type: 'list', ordered: false, items: [sentence(), sentence()] };
      if (kind === 1) return { type: 'code', text: `${sentence()}\n  ${sentence()}` };
      return { type: 'paragraph', text: Array.from({ length: 1 + next(6) }, sentence).join(' ') };
    });
  }

  it('stays within maxTokens and, without overlap, keeps every character in order', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const blocks = generatedBlocks(seed);
      const maxTokens = 16 + (seed % 5) * 16;
      const words = (text: string): string[] => text.split(/\s+/).filter((item) => item !== '');

      const plain = chunkBlocks(blocks, { maxTokens, overlapTokens: 0 });
      const expected = words(documentText(blocks));
      expect(words(plain.map((chunk) => chunk.text).join('\n')).join('')).toBe(expected.join(''));

      for (const chunk of [...plain, ...chunkBlocks(blocks, { maxTokens, overlapTokens: 12 })]) {
        expect(chunk.tokenCount, `seed ${seed}`).toBeLessThanOrEqual(maxTokens);
        expect(chunk.tokenCount).toBe(countTokens(chunk.text));
      }
    }
  });
});
