import { bench, describe } from 'vitest';

// Run: npx vitest bench --run bench/html-extraction.bench.ts
import { extractHtmlDocument } from '../src/ingest/extract/html.js';

/** A product page of about 5 KB with the usual chrome around the article. */
function samplePage(seed: number): string {
  const paragraphs = Array.from({ length: 47 }, (_, index) => {
    const link = '<a href="/a">Strecken</a>';
    const text = `Abschnitt ${seed}.${index}: Unsere Laufschuhe sind leicht und für lange`;
    return `<p>${text} ${link}.</p>`;
  }).join('\n');
  return `<!doctype html><html lang="de"><head><title>Produkt ${seed}</title>
<link rel="canonical" href="https://shop.example/p/${seed}"></head><body>
<header><nav><a href="/">Start</a> <a href="/produkte">Produkte</a>
<a href="/blog">Blog</a></nav></header>
<div class="cookie-banner">Wir verwenden Cookies. <button>OK</button></div>
<main><article><h1>Produkt ${seed}</h1>${paragraphs}
<ul><li>Gewicht 280 g</li><li>Sprengung 8 mm</li></ul>
<table><tr><th>Größe</th><th>Gewicht</th></tr><tr><td>42</td><td>280 g</td></tr></table>
</article></main><aside>Empfehlungen</aside>
<footer>Impressum · Datenschutz</footer></body></html>`;
}

const pages = Array.from({ length: 50 }, (_, index) => samplePage(index));
let next = 0;
const options = { time: 3000, warmupTime: 500 };

describe(`HTML extraction, ${pages[0]?.length ?? 0}-character pages`, () => {
  bench(
    'readability',
    () => {
      extractHtmlDocument(pages[next++ % pages.length] ?? '', { sourceUri: 'p.html' });
    },
    options,
  );

  bench(
    'fallback',
    () => {
      const html = pages[next++ % pages.length] ?? '';
      extractHtmlDocument(html, { sourceUri: 'p.html', mainContent: 'fallback' });
    },
    options,
  );
});
