import { describe, expect, it } from 'vitest';
import type { Block } from '../types.js';
import { documentText, normaliseBlocks, normaliseText } from './normalise.js';

describe('normaliseText', () => {
  it('composes to NFC and removes invisible and control characters', () => {
    const decomposed = 'Gru\u0308\u00dfe';
    expect(normaliseText(decomposed)).toBe('Grüße');
    expect(normaliseText('Pflege\u00adhinweise\u200b für\u0007 dich\ufeff')).toBe(
      'Pflegehinweise für dich',
    );
  });

  it('turns Unicode spaces into plain spaces and collapses runs', () => {
    expect(normaliseText('  20\u00a0%\u202fRabatt\t\t auf\u2003alles  ')).toBe(
      '20 % Rabatt auf alles',
    );
  });

  it('keeps line and paragraph breaks but trims lines and drops extra blank lines', () => {
    expect(normaliseText('Zeile eins  \r\n  Zeile zwei\n\n\n\n Absatz\u2028Ende')).toBe(
      'Zeile eins\nZeile zwei\n\nAbsatz\nEnde',
    );
  });

  it('keeps the zero-width joiner of emoji sequences', () => {
    const family = 'Familie 👨\u200d👩\u200d👧';
    expect(normaliseText(family)).toBe(family);
  });
});

describe('normaliseBlocks', () => {
  it('makes text blocks single lines and drops empty blocks, items and rows', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 2, text: ' Pflege\n ' },
      { type: 'paragraph', text: 'Eine Zeile\nund noch\u00a0eine.' },
      { type: 'paragraph', text: ' \u200b ' },
      { type: 'list', ordered: false, items: ['Kalt  waschen', '  ', 'Nicht bleichen'] },
      { type: 'list', ordered: true, items: [' '] },
      {
        type: 'table',
        rows: [
          ['Größe ', ' EU'],
          [' ', ''],
          ['M', '38\u00a0–\u00a040'],
        ],
      },
    ];
    expect(normaliseBlocks(blocks, { boilerplate: [] })).toEqual([
      { type: 'heading', level: 2, text: 'Pflege' },
      { type: 'paragraph', text: 'Eine Zeile und noch eine.' },
      { type: 'list', ordered: false, items: ['Kalt waschen', 'Nicht bleichen'] },
      {
        type: 'table',
        rows: [
          ['Größe', 'EU'],
          ['M', '38 – 40'],
        ],
      },
    ]);
  });

  it('keeps the indentation and lines of code', () => {
    const code: Block = { type: 'code', text: '\n\nif (a) {\r\n    return b;   \n}\n\n' };
    expect(normaliseBlocks([code], { boilerplate: [] })).toEqual([
      { type: 'code', text: 'if (a) {\n    return b;\n}' },
    ]);
  });

  it('drops built-in boilerplate: cookie banners, copyright and rights lines', () => {
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.' },
      { type: 'paragraph', text: 'We use cookies to improve your experience. Accept all?' },
      { type: 'paragraph', text: '© 2026 Beispiel GmbH' },
      { type: 'paragraph', text: 'Copyright 2025 Example Inc. All rights reserved.' },
      { type: 'paragraph', text: 'Beispiel GmbH – Alle Rechte vorbehalten' },
      { type: 'paragraph', text: 'Unsere Kekse enthalten keine Cookies aus dem Browser.' },
    ];
    expect(normaliseBlocks(blocks, { boilerplate: [] })).toEqual([
      { type: 'paragraph', text: 'Unsere Kekse enthalten keine Cookies aus dem Browser.' },
    ]);
  });

  it('keeps long paragraphs that merely mention a boilerplate phrase', () => {
    const explanation = 'Wir erklären, was das bedeutet. '.repeat(8);
    const article = `Alle Rechte vorbehalten: so heißt es oft. ${explanation}`;
    expect(
      normaliseBlocks([{ type: 'paragraph', text: article }], { boilerplate: [] }),
    ).toHaveLength(1);
  });

  it('drops lines and paragraphs matching configured patterns, even global ones', () => {
    const pattern = /^newsletter abonnieren/gi;
    const blocks: Block[] = [
      { type: 'paragraph', text: 'Newsletter abonnieren' },
      { type: 'paragraph', text: 'Newsletter abonnieren und sparen' },
      { type: 'paragraph', text: 'Echter Inhalt\nNewsletter abonnieren!\nMehr Inhalt' },
      { type: 'list', ordered: false, items: ['Newsletter abonnieren', 'Versand'] },
    ];
    expect(normaliseBlocks(blocks, { boilerplate: [pattern] })).toEqual([
      { type: 'paragraph', text: 'Echter Inhalt Mehr Inhalt' },
      { type: 'list', ordered: false, items: ['Versand'] },
    ]);
  });
});

describe('documentText', () => {
  it('puts headings and paragraphs on lines, list items as "- item", rows as cells', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, text: 'Pflege' },
      { type: 'paragraph', text: 'Bitte beachten.' },
      { type: 'list', ordered: true, items: ['Kalt waschen', 'Nicht bleichen'] },
      {
        type: 'table',
        rows: [
          ['Größe', 'EU'],
          ['M', '38'],
        ],
      },
    ];
    expect(documentText(blocks)).toBe(
      'Pflege\nBitte beachten.\n- Kalt waschen\n- Nicht bleichen\nGröße | EU\nM | 38',
    );
  });
});
