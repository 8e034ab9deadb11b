import { describe, expect, it } from 'vitest';

import type { Block } from '../types.js';
import { extractHtmlDocument } from './html.js';

const paragraph = (index: number) =>
  `<p>Absatz ${index}: Der Trail Runner ist leicht, atmungsaktiv und für lange Strecken ` +
  `gemacht. Die <a href="/sohle">Vibram-Sohle</a> gibt <strong>Halt</strong> auf nassem Fels.</p>`;

const productPage = `<!doctype html>
<html lang="de-DE">
<head>
  <title>Trail Runner 100 | Nordpfad</title>
  <meta property="og:title" content="Trail Runner (OG)">
  <meta name="description" content="Leichter Trailschuh">
  <link rel="canonical" href="/produkte/trail-runner-100">
  <script>window.tracking = 'Tracking-Code';</script>
  <style>.x { color: red }</style>
</head>
<body class="has-cookie-banner">
  <header><nav><a href="/">Startseite</a> <a href="/produkte">Produkte</a></nav></header>
  <div id="cookie-consent">Wir verwenden Cookies. <button>Alle akzeptieren</button></div>
  <main>
    <article>
      <h1>Trail Runner 100</h1>
      ${[1, 2, 3, 4].map(paragraph).join('\n')}
      <h2>Technische Daten</h2>
      <ul><li>Gewicht: 280 g<ul><li>Größe 42</li></ul></li><li>Sprengung: 8 mm</li></ul>
      <table>
        <thead><tr><th>Größe</th><th>Gewicht</th></tr></thead>
        <tbody><tr><td>42</td><td>280 g</td></tr><tr><td>44</td><td>300 g</td></tr></tbody>
      </table>
      <pre>sku: TR-100
farbe: blau</pre>
    </article>
  </main>
  <aside>Das könnte Sie auch interessieren: Socken</aside>
  <footer>Impressum · Datenschutz · © Nordpfad GmbH</footer>
</body>
</html>`;

function allText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'list') return block.items.join('\n');
      if (block.type === 'table') return block.rows.map((row) => row.join(' | ')).join('\n');
      return block.text;
    })
    .join('\n');
}

describe.each(['readability', 'fallback'] as const)('extractHtmlDocument (%s)', (mainContent) => {
  const document = extractHtmlDocument(productPage, {
    sourceUri: 'https://shop.example/produkte/tr-100?ref=x',
    baseUrl: 'https://shop.example/produkte/tr-100?ref=x',
    mainContent,
  });
  const text = allText(document.blocks);

  it('keeps the main text and drops navigation, cookie banner, aside, footer and scripts', () => {
    expect(text).toContain('Absatz 4: Der Trail Runner ist leicht');
    expect(text).toContain('Die Vibram-Sohle gibt Halt auf nassem Fels.');
    for (const noise of [
      'Startseite',
      'Cookies',
      'akzeptieren',
      'Socken',
      'Impressum',
      'Tracking',
    ]) {
      expect(text).not.toContain(noise);
    }
  });

  it('turns lists, tables and pre into their block types', () => {
    expect(document.blocks).toContainEqual({ type: 'heading', level: 2, text: 'Technische Daten' });
    expect(document.blocks).toContainEqual({
      type: 'list',
      ordered: false,
      items: ['Gewicht: 280 g', '  Größe 42', 'Sprengung: 8 mm'],
    });
    expect(document.blocks).toContainEqual({
      type: 'table',
      rows: [
        ['Größe', 'Gewicht'],
        ['42', '280 g'],
        ['44', '300 g'],
      ],
    });
    expect(document.blocks).toContainEqual({ type: 'code', text: 'sku: TR-100\nfarbe: blau' });
  });

  it('reads title, language, canonical URL and description from the head', () => {
    expect(document).toMatchObject({
      sourceUri: 'https://shop.example/produkte/tr-100?ref=x',
      kind: 'page',
      title: 'Trail Runner 100 | Nordpfad',
      language: 'de',
      metadata: {
        canonical: 'https://shop.example/produkte/trail-runner-100',
        description: 'Leichter Trailschuh',
      },
    });
  });
});

describe('extractHtmlDocument on short pages', () => {
  it('falls back to the cleaned body when Readability finds too little', () => {
    const html = `<html><head><meta property="og:title" content="Kontakt"></head><body>
      <nav><a href="/">Home</a></nav>
      <h1>Kontakt</h1><p>Schreiben Sie uns: hallo@nordpfad.example</p>
      <footer>Impressum</footer></body></html>`;

    const document = extractHtmlDocument(html, { sourceUri: 'kontakt.html' });

    expect(document.title).toBe('Kontakt');
    expect(document.language).toBeUndefined();
    expect(document.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Kontakt' },
      { type: 'paragraph', text: 'Schreiben Sie uns: hallo@nordpfad.example' },
    ]);
  });

  it('keeps loose inline text and line breaks as paragraphs', () => {
    const html =
      '<body><div>Erste Zeile<br>zweite Zeile <em>betont</em><div>Block</div></div></body>';

    const document = extractHtmlDocument(html, { sourceUri: 'pages/notiz.htm' });

    expect(document.title).toBe('notiz');
    expect(document.blocks).toEqual([
      { type: 'paragraph', text: 'Erste Zeile\nzweite Zeile betont' },
      { type: 'paragraph', text: 'Block' },
    ]);
  });
});
