import { describe, expect, it } from 'vitest';

import { InputError } from '../../core/errors.js';
import { extractMarkdown } from './markdown.js';

const article = `---
title: Trail Runner 100
lang: de-DE
category: footwear
author: Team Nord
version: 3
draft: false
tags: [laufen, trail]
nested: { a: 1 }
---
# Der **Trail Runner**

Leicht, *atmungsaktiv* und [robust](https://example.com/robust).
Mit <b>Vibram</b>-Sohle &amp; 8&nbsp;mm Sprengung &mdash; &auml;&#252;&#xDF;.

- Obermaterial
- Sohle
  - Vibram **Megagrip**
    1. Profil 5 mm
- Gewicht

| Größe | Gewicht |
| ----- | ------- |
| 42    | *280 g* |
| 44    | 300 g   |

\`\`\`json
{ "sku": "TR-100" }
\`\`\`

> Zitat von *Läufern*

<div class="note">Hinweis: <em>Pflege</em> mit Wasser.</div>

- [x] wasserdicht
`;

describe('extractMarkdown', () => {
  it('reads front matter into title, language, category and metadata', () => {
    const document = extractMarkdown(article, 'docs/trail.md');

    expect(document).toMatchObject({
      sourceUri: 'docs/trail.md',
      kind: 'article',
      title: 'Trail Runner 100',
      language: 'de',
      category: 'footwear',
      warnings: [],
    });
    expect(document.metadata).toEqual({
      author: 'Team Nord',
      version: 3,
      draft: false,
      tags: 'laufen, trail',
    });
  });

  it('reduces headings, paragraphs, nested lists, tables and code to plain blocks', () => {
    const { blocks } = extractMarkdown(article, 'docs/trail.md');

    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'Der Trail Runner' },
      {
        type: 'paragraph',
        text: 'Leicht, atmungsaktiv und robust. Mit Vibram-Sohle & 8\u00A0mm Sprengung — äüß.',
      },
      {
        type: 'list',
        ordered: false,
        items: ['Obermaterial', 'Sohle', '  Vibram Megagrip', '    Profil 5 mm', 'Gewicht'],
      },
      {
        type: 'table',
        rows: [
          ['Größe', 'Gewicht'],
          ['42', '280 g'],
          ['44', '300 g'],
        ],
      },
      { type: 'code', text: '{ "sku": "TR-100" }' },
      { type: 'paragraph', text: 'Zitat von Läufern' },
      { type: 'paragraph', text: 'Hinweis: Pflege mit Wasser.' },
      { type: 'list', ordered: false, items: ['[x] wasserdicht'] },
    ]);
  });

  it('falls back to the first heading, then to the file name, for the title', () => {
    expect(extractMarkdown('Intro\n\n## Pflege\n\nText', 'a/care.md').title).toBe('Pflege');
    expect(extractMarkdown('Nur Text.', 'a/notes.markdown').title).toBe('notes');
    expect(extractMarkdown('Nur Text.', 'a/notes.markdown').language).toBeUndefined();
  });

  it('keeps a file without front matter whole, including a thematic break', () => {
    const { blocks } = extractMarkdown('Eins\n\n---\n\nZwei', 'x.md');

    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Eins' },
      { type: 'paragraph', text: 'Zwei' },
    ]);
  });

  it('names the file and line of malformed front matter', () => {
    const broken = '---\ntitle: ok\ntags: [a, b\n---\n# Body\n';

    expect(() => extractMarkdown(broken, 'docs/broken.md')).toThrow(InputError);
    try {
      extractMarkdown(broken, 'docs/broken.md');
    } catch (error) {
      expect((error as InputError).details).toMatchObject({ file: 'docs/broken.md' });
      expect((error as InputError).message).toMatch(/^docs\/broken\.md:\d+: front matter/);
    }
  });
});
