import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProductFeed } from './product-feed.js';
import { sampleProducts } from './test-support/sample-feed.js';

describe('readProductFeed', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'product-feed-'));

  it('keys the sample feed by SKU and keeps every column as a field', () => {
    const products = sampleProducts();
    expect(products).toHaveLength(164);
    const sunscreen = products.find((product) => product.id === 'BF-SUN-110-50ML');
    expect(sunscreen?.fields).toMatchObject({ category: 'sun-protection', sku: 'BF-SUN-110-50ML' });
  });

  it('falls back to an id column and reads a byte-order mark', () => {
    const file = path.join(folder, 'feed.csv');
    writeFileSync(file, '\uFEFFid,name_en\nA-1,Tent\n\nB-2,Stove\n');
    expect([...readProductFeed(file).keys()]).toEqual(['A-1', 'B-2']);
  });

  it('names the file when the feed cannot be parsed', () => {
    const file = path.join(folder, 'broken.csv');
    writeFileSync(file, 'id,name\n"A-1,Tent\n');
    expect(() => readProductFeed(file)).toThrow(/broken\.csv: cannot read the product feed/);
  });
});
