import { describe, expect, it } from 'vitest';

import type { RecordFeedConfig } from '../../core/config-schema.js';
import { InputError } from '../../core/errors.js';
import type { ExtractedDocument } from '../types.js';
import { extractRecords } from './records.js';
import type { RecordExtractionInput } from './records.js';

async function collect(input: RecordExtractionInput): Promise<ExtractedDocument[]> {
  const documents: ExtractedDocument[] = [];
  for await (const document of extractRecords(input)) documents.push(document);
  return documents;
}

async function failure(input: RecordExtractionInput): Promise<InputError> {
  try {
    await collect(input);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const productFeed: RecordFeedConfig = {
  match: 'feeds/*.csv',
  kind: 'product',
  id: 'sku',
  title: 'name_{lang}',
  body: ['description_{lang}', 'features_{lang}'],
  category: 'category',
  metadata: ['price'],
  languages: ['de', 'en'],
};

const productsCsv = [
  'sku,name_de,name_en,description_de,description_en,features_de,features_en,category,price',
  'TR-100,Trail Runner,Trail Runner,"Leicht, mit ""Grip"".",Light with grip.,' +
    'leicht; robust,light; sturdy,footwear,129.90',
  '',
  'HK-7,Wanderjacke,,Warm.,,,,apparel,199',
].join('\n');

describe('extractRecords with a feed', () => {
  it('yields one document per language with the mapped fields', async () => {
    const documents = await collect({
      text: productsCsv,
      relativePath: 'feeds/products.csv',
      format: 'csv',
      feed: productFeed,
    });

    expect(documents.map((document) => document.sourceUri)).toEqual([
      'feeds/products.csv#sku=TR-100&lang=de',
      'feeds/products.csv#sku=TR-100&lang=en',
      'feeds/products.csv#sku=HK-7&lang=de',
    ]);
    expect(documents[0]).toEqual({
      sourceUri: 'feeds/products.csv#sku=TR-100&lang=de',
      kind: 'product',
      title: 'Trail Runner',
      blocks: [
        { type: 'paragraph', text: 'Leicht, mit "Grip".' },
        { type: 'list', ordered: false, items: ['leicht', 'robust'] },
      ],
      language: 'de',
      category: 'footwear',
      metadata: { sku: 'TR-100', price: '129.90' },
      warnings: [],
    });
    expect(documents[1]).toMatchObject({ language: 'en', title: 'Trail Runner' });
    expect(documents[1]?.blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      items: ['light', 'sturdy'],
    });
  });

  it('names the missing column, the file and the header it found', async () => {
    const text = 'sku,title_de,title_en,description_de,description_en\nA,a,a,b,b\n';

    const error = await failure({
      text,
      relativePath: 'feeds/p.csv',
      format: 'csv',
      feed: { ...productFeed, body: ['description_{lang}'], category: undefined, metadata: [] },
    });

    expect(error.message).toContain('feeds/p.csv:2');
    expect(error.message).toContain('"name_de"');
    expect(error.details).toMatchObject({
      file: 'feeds/p.csv',
      column: 'name_de',
      header: ['sku', 'title_de', 'title_en', 'description_de', 'description_en'],
    });
  });

  it('maps JSON Lines records, arrays becoming lists', async () => {
    const text = '{"sku":"S1","name":"Socke","tags":["warm","weich"],"price":9.5}\n';
    const feed = { ...productFeed, title: 'name', body: ['tags'], category: undefined };

    const [document] = await collect({
      text,
      relativePath: 's.jsonl',
      format: 'jsonl',
      feed: { ...feed, metadata: ['price'], languages: [] },
    });

    expect(document).toEqual({
      sourceUri: 's.jsonl#sku=S1',
      kind: 'product',
      title: 'Socke',
      blocks: [{ type: 'list', ordered: false, items: ['warm', 'weich'] }],
      metadata: { sku: 'S1', price: 9.5 },
      warnings: [],
    });
  });
});

describe('extractRecords without a feed', () => {
  it('guesses title, body and language, keeping the rest as metadata', async () => {
    const text = JSON.stringify({
      items: [
        { id: 7, Subject: 'Rückfrage', message: 'Passt Größe 42?', lang: 'de-AT', stars: 4 },
        { city: 'Hamburg', street: 'Elbchaussee 1', open: true },
      ],
    });

    const documents = await collect({ text, relativePath: 'tickets.json', format: 'json' });

    expect(documents).toEqual([
      {
        sourceUri: 'tickets.json#id=7',
        kind: 'record',
        title: 'Rückfrage',
        blocks: [{ type: 'paragraph', text: 'Passt Größe 42?' }],
        language: 'de',
        metadata: { id: 7, stars: 4 },
        warnings: [],
      },
      {
        sourceUri: 'tickets.json#record=2',
        kind: 'record',
        title: 'tickets #2',
        blocks: [{ type: 'paragraph', text: 'city: Hamburg\nstreet: Elbchaussee 1' }],
        metadata: { open: true },
        warnings: [],
      },
    ]);
  });
});

describe('extractRecords on malformed input', () => {
  it('reports the line of a misplaced CSV quote', async () => {
    const text = 'sku,name\nA,"ok"\nB,"kaputt"er\nC,gut\n';

    const error = await failure({ text, relativePath: 'p.csv', format: 'csv' });

    expect(error.code).toBe('INPUT_MALFORMED');
    expect(error.details).toMatchObject({ file: 'p.csv', line: 3 });
    expect(error.message).toMatch(/^p\.csv:3: a double quote is misplaced/);
  });

  it('reports the line where an unclosed CSV quote opens', async () => {
    const text = 'sku,name\nA,ok\nB,"offen\nC,gut\nD,gut\n';

    expect((await failure({ text, relativePath: 'p.csv', format: 'csv' })).details).toMatchObject({
      line: 3,
    });
  });

  it('reports line 3 for a bad third JSON Lines line', async () => {
    const text = '{"id":1}\n{"id":2}\n{"id":3,}\n{"id":4}\n';

    const error = await failure({ text, relativePath: 'x.jsonl', format: 'jsonl' });

    expect(error.details).toMatchObject({ file: 'x.jsonl', line: 3 });
  });

  it('reports the line of a JSON syntax error and a wrong JSON shape', async () => {
    const broken = '[\n  {"id": 1},\n  {"id": 2 "x": 1}\n]';
    const twoArrays = '{"a": [], "b": []}';

    const syntax = await failure({ text: broken, relativePath: 'x.json', format: 'json' });
    const shape = await failure({ text: twoArrays, relativePath: 'x.json', format: 'json' });

    expect(syntax.details).toMatchObject({ line: 3 });
    expect(shape.message).toContain('found: a, b');
  });

  it('yields earlier records before it reaches a broken line (streaming)', async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `R${index},Name ${index}`);
    const text = ['id,name', ...rows, 'X,"broken'].join('\n');
    const seen: string[] = [];

    const error = await (async () => {
      try {
        for await (const document of extractRecords({
          text,
          relativePath: 'r.csv',
          format: 'csv',
        })) {
          seen.push(document.title);
        }
      } catch (caught) {
        return caught as InputError;
      }
      return undefined;
    })();

    // An extractor that read everything first would fail before yielding anything.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe('Name 0');
    expect(error?.details).toMatchObject({ line: 5002 });
  });
});
