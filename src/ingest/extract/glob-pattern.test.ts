import { describe, expect, it } from 'vitest';

import { matchesGlob } from './glob-pattern.js';

describe('matchesGlob', () => {
  it.each([
    ['products.csv', 'products.csv', true],
    ['feeds/products.csv', 'products.csv', false],
    ['feeds/products.csv', 'feeds/*.csv', true],
    ['feeds/de/products.csv', 'feeds/*.csv', false],
    ['feeds/de/products.csv', 'feeds/**/*.csv', true],
    ['feeds/products.csv', 'feeds/**/*.csv', true],
    ['products.csv', '**/*.csv', true],
    ['a/b/c/products.jsonl', '**/products.{csv,jsonl}', true],
    ['a/b/c/products.json', '**/products.{csv,jsonl}', false],
    ['feeds/p1.csv', 'feeds/p?.csv', true],
    ['feeds/p12.csv', 'feeds/p?.csv', false],
    ['feeds/a.csv', 'feeds/[ab].csv', true],
    ['feeds/c.csv', 'feeds/[!ab].csv', true],
    ['feeds\\win.csv', './feeds/*.csv', true],
    ['feeds/products(1).csv', 'feeds/products(1).csv', true],
    ['feedsXproducts.csv', 'feeds.products.csv', false],
  ])('%s against %s → %s', (path, pattern, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
  });
});
