import { fileURLToPath } from 'node:url';
import type { ProductRecord } from '../generation-input.js';
import { readProductFeed } from '../product-feed.js';

const feedFile = fileURLToPath(new URL('../../../samples/feeds/products.csv', import.meta.url));

/** Every record of the sample product feed, keyed by SKU as the feed config says. */
export function sampleProducts(): ProductRecord[] {
  return [...readProductFeed(feedFile).values()];
}
