import { describe, expect, it } from 'vitest';
import { passageText, rankByScore } from './rank-hits.js';

describe('rankByScore', () => {
  it('sorts best first, keeps input order on ties and puts NaN last', () => {
    const candidates = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id }));

    const hits = rankByScore(candidates, [1, Number.NaN, 3, 1, -2]);

    expect(hits.map((hit) => hit.id)).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
});

describe('passageText', () => {
  it('puts a title on its own line before the text', () => {
    expect(passageText({ id: 'x', title: ' Zelt ', text: 'Leicht.' })).toBe('Zelt\nLeicht.');
    expect(passageText({ id: 'x', title: '', text: 'Leicht.' })).toBe('Leicht.');
  });
});
