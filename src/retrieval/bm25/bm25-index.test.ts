import { describe, expect, it } from 'vitest';

import { MarkwerkError } from '../../core/errors.js';
import type { SearchableChunk } from '../types.js';
import { Bm25Index } from './bm25-index.js';

function chunk(id: string, title: string, text: string, language = 'en'): SearchableChunk {
  return { id, documentId: id, title, text, language, fields: {} };
}

const chunks = [
  chunk('tent', 'Pitching a tent', 'Stake the tent corners first, then the guy lines in wind.'),
  chunk('stove', 'Camp stove care', 'Clean the stove jet after every trip.'),
  chunk('sun', 'Sunscreen at altitude', 'SPF50 sunscreen protects skin on glaciers and snow.'),
  chunk('rope', 'Rope care', 'Wash the climbing rope in lukewarm water; never near acid.'),
  chunk('schuh', 'Neue Wanderschuhe einlaufen', 'Trag die Schuhe zuerst zu Hause.', 'de'),
];

function build(list = chunks): Bm25Index {
  const index = new Bm25Index();
  index.addAll(list);
  return index;
}

describe('Bm25Index', () => {
  it('ranks the chunk that holds the query terms first, best first', () => {
    const hits = build().search('how to clean a stove', { k: 3, language: 'en' });
    expect(hits[0]?.id).toBe('stove');
    expect(
      hits.every((hit, index) => index === 0 || (hits[index - 1]?.score ?? 0) >= hit.score),
    ).toBe(true);
  });

  it('honours k and the filter', () => {
    const index = build();
    expect(index.search('tent stove rope', { k: 2, language: 'en' })).toHaveLength(2);
    const hits = index.search('tent stove', {
      k: 5,
      language: 'en',
      filter: (id) => id !== 'tent',
    });
    expect(hits.map((hit) => hit.id)).toEqual(['stove']);
  });

  it('analyses a query without a language with both stemmers', () => {
    expect(build().search('Wanderschuhe', { k: 1 })[0]?.id).toBe('schuh');
  });

  it('gives the same scores after incremental removes and adds as a fresh build', () => {
    const index = build();
    index.remove('stove');
    index.add(chunk('sun', 'Sunscreen', 'Reapply sunscreen every two hours.'));
    const fresh = build([
      chunks[0] as SearchableChunk,
      chunk('sun', 'Sunscreen', 'Reapply sunscreen every two hours.'),
      chunks[3] as SearchableChunk,
      chunks[4] as SearchableChunk,
    ]);
    const query = 'sunscreen tent rope stove';
    expect(index.size).toBe(4);
    expect(index.search(query, { k: 10, language: 'en' })).toEqual(
      fresh.search(query, { k: 10, language: 'en' }),
    );
    expect(index.remove('stove')).toBe(false);
  });

  it('explains a score as per-term, per-field contributions that add up to it', () => {
    const index = build();
    const [hit] = index.search('sunscreen on snow', { k: 1, language: 'en' });
    const parts = index.explain('sunscreen on snow', 'sun', 'en');
    const total = parts.reduce((sum, part) => sum + part.contribution, 0);
    expect(hit?.id).toBe('sun');
    expect(total).toBeCloseTo(hit?.score ?? 0, 10);
    expect(parts).toContainEqual(
      expect.objectContaining({ term: 'sunscreen', field: 'title', tf: 1 }),
    );
    expect(parts).toContainEqual(expect.objectContaining({ term: 'snow', field: 'body', tf: 1 }));
    expect(index.explain('sunscreen', 'missing')).toEqual([]);
  });

  it('round-trips through serialise and deserialise with identical results', () => {
    const index = build();
    index.remove('tent');
    const restored = Bm25Index.deserialise(index.serialise());
    const query = 'rope sunscreen stove wind';
    expect(restored.size).toBe(index.size);
    expect(restored.options).toEqual(index.options);
    expect(restored.search(query, { k: 5, language: 'en' })).toEqual(
      index.search(query, { k: 5, language: 'en' }),
    );
  });

  it('rejects bytes that are not an index, and truncated ones', () => {
    const bytes = build().serialise();
    expect(() => Bm25Index.deserialise(new Uint8Array([1, 2, 3, 4, 5]))).toThrow(MarkwerkError);
    expect(() => Bm25Index.deserialise(bytes.subarray(0, bytes.length - 3))).toThrow(
      /end early or are corrupt/,
    );
  });

  it('rejects meaningless options, naming the key', () => {
    expect(() => new Bm25Index({ b: 2 })).toThrow(/BM25 option b is 2/);
    expect(() => new Bm25Index({ k1: -1 })).toThrow(/k1/);
  });

  it('does not depend on the order chunks are added in bulk', () => {
    const query = 'Schuhe wandern tent';
    const forward = build().search(query, { k: 5 });
    const backward = build([...chunks].reverse()).search(query, { k: 5 });
    expect(backward).toEqual(forward);
  });
});
