import { describe, expect, it } from 'vitest';

import { extractPlainText } from './plain-text.js';

describe('extractPlainText', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    const text = 'Erste Zeile\nläuft weiter.\n\n  \nZweiter Absatz.\r\n';

    expect(extractPlainText(text, 'notes/a.txt')).toEqual({
      sourceUri: 'notes/a.txt',
      kind: 'text',
      title: 'a',
      blocks: [
        { type: 'paragraph', text: 'Erste Zeile läuft weiter.' },
        { type: 'paragraph', text: 'Zweiter Absatz.' },
      ],
      metadata: {},
      warnings: [],
    });
  });

  it('recognises underlined and ALL-CAPS headings', () => {
    const text = [
      'Pflegehinweise',
      '==============',
      'Nach dem Lauf trocknen lassen.',
      '',
      'Reinigung',
      '---------',
      'Nur mit Wasser.',
      '',
      'ÜBER UNS',
      'Wir sind ein Team aus Hamburg.',
      '',
      'NICHT EINFACH SO EIN LANGER SATZ IN GROSSBUCHSTABEN, DER ENDET.',
    ].join('\n');

    const document = extractPlainText(text, 'pflege.txt');

    expect(document.title).toBe('Pflegehinweise');
    expect(document.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Pflegehinweise' },
      { type: 'paragraph', text: 'Nach dem Lauf trocknen lassen.' },
      { type: 'heading', level: 2, text: 'Reinigung' },
      { type: 'paragraph', text: 'Nur mit Wasser.' },
      { type: 'heading', level: 2, text: 'ÜBER UNS' },
      { type: 'paragraph', text: 'Wir sind ein Team aus Hamburg.' },
      {
        type: 'paragraph',
        text: 'NICHT EINFACH SO EIN LANGER SATZ IN GROSSBUCHSTABEN, DER ENDET.',
      },
    ]);
  });

  it('turns bullet and numbered lines into lists', () => {
    const text = 'Vorteile:\n- leicht\n- robust,\n  auch bei Nässe\n1. bestellen\n2. laufen';

    expect(extractPlainText(text, 'x.txt').blocks).toEqual([
      { type: 'paragraph', text: 'Vorteile:' },
      { type: 'list', ordered: false, items: ['leicht', 'robust, auch bei Nässe'] },
      { type: 'list', ordered: true, items: ['bestellen', 'laufen'] },
    ]);
  });
});
