import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import type { RecordFeedConfig } from '../../core/config-schema.js';
import { MarkwerkError } from '../../core/errors.js';
import type { ExtractedDocument } from '../types.js';
import { extractFile, extractHtml } from './extract-file.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function extractAll(
  relativePath: string,
  bytes: Uint8Array,
  feeds: RecordFeedConfig[] = [],
): Promise<ExtractedDocument[]> {
  const documents: ExtractedDocument[] = [];
  const input = { path: `/data/${relativePath}`, relativePath, bytes, feeds };
  for await (const document of extractFile(input)) documents.push(document);
  return documents;
}

const feed: RecordFeedConfig = {
  match: 'feeds/**/*.csv',
  kind: 'product',
  id: 'sku',
  title: 'name_{lang}',
  body: ['text_{lang}'],
  metadata: [],
  languages: ['de', 'en'],
};

describe('extractFile', () => {
  it('dispatches by extension to the right document kind', async () => {
    const kinds = await Promise.all(
      [
        ['guide.md', '# Guide\n\nText'],
        ['notes.MARKDOWN', 'Text'],
        ['page.html', '<title>Seite</title><p>Text</p>'],
        ['page.htm', '<p>Text</p>'],
        ['readme.txt', 'Text'],
        ['data.jsonl', '{"title":"Eins"}'],
      ].map(async ([path, text]) => (await extractAll(path ?? '', utf8(text ?? '')))[0]?.kind),
    );

    expect(kinds).toEqual(['article', 'article', 'page', 'page', 'text', 'record']);
  });

  it('reports a windows-1252 file as repaired and reads its umlauts', async () => {
    const bytes = iconv.encode('# Größe\n\nFür Füße.', 'windows-1252');

    const [document] = await extractAll('docs/groesse.md', bytes);

    expect(document?.title).toBe('Größe');
    expect(document?.blocks[1]).toEqual({ type: 'paragraph', text: 'Für Füße.' });
    expect(document?.warnings).toEqual(['encoding-repaired:windows-1252']);
  });

  it('reports repaired mojibake on every record of a file', async () => {
    const lines = '{"title":"fÃ¼r"}\n{"title":"GrÃ¶ÃŸe"}';
    const documents = await extractAll('t.jsonl', utf8(lines));

    expect(documents.map((document) => [document.title, document.warnings])).toEqual([
      ['für', ['encoding-repaired:mojibake']],
      ['Größe', ['encoding-repaired:mojibake']],
    ]);
  });

  it('applies the first feed whose glob matches the relative path', async () => {
    const csv = utf8('sku,name_de,name_en,text_de,text_en\nA-1,Schuh,Shoe,Leicht.,Light.\n');

    const mapped = await extractAll('feeds/2026/p.csv', csv, [feed]);
    const unmapped = await extractAll('other/p.csv', csv, [feed]);

    expect(mapped.map((document) => [document.sourceUri, document.title])).toEqual([
      ['feeds/2026/p.csv#sku=A-1&lang=de', 'Schuh'],
      ['feeds/2026/p.csv#sku=A-1&lang=en', 'Shoe'],
    ]);
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toMatchObject({ kind: 'record', sourceUri: 'other/p.csv#record=1' });
  });

  it('refuses an unsupported extension with a hint', async () => {
    const attempt = extractAll('brochure.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));

    await expect(attempt).rejects.toBeInstanceOf(MarkwerkError);
    await expect(attempt).rejects.toMatchObject({
      code: 'INPUT_UNSUPPORTED',
      details: { file: 'brochure.pdf', extension: 'pdf' },
      message: expect.stringContaining('ingest.exclude'),
    });
  });
});

describe('extractHtml', () => {
  it('decodes a crawled page by its meta charset and resolves the canonical link', () => {
    const html =
      '<html lang="de-CH"><head><meta http-equiv="Content-Type" ' +
      'content="text/html; charset=iso-8859-1"><title>Über uns</title>' +
      '<link rel="canonical" href="/ueber-uns"></head><body><nav>Menü</nav>' +
      '<main><p>Wir lieben Berge und Täler.</p></main></body></html>';

    const document = extractHtml(iconv.encode(html, 'latin1'), {
      url: 'https://nordpfad.example/about?x=1',
    });

    expect(document).toEqual({
      sourceUri: 'https://nordpfad.example/about?x=1',
      kind: 'page',
      title: 'Über uns',
      blocks: [{ type: 'paragraph', text: 'Wir lieben Berge und Täler.' }],
      language: 'de',
      metadata: { canonical: 'https://nordpfad.example/ueber-uns' },
      warnings: ['encoding-repaired:windows-1252'],
    });
  });
});
