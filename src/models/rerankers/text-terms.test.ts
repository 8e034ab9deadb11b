import { describe, expect, it } from 'vitest';
import {
  compoundMatch,
  contentTerms,
  exactMatch,
  prefixMatch,
  termMatchStrength,
} from './text-terms.js';

describe('contentTerms', () => {
  it('lower-cases, folds diacritics and ß, and drops English and German function words', () => {
    expect(contentTerms('Die Größe der Jacke: für Kinder (ab 6 Jahren) and the Café')).toEqual([
      'grosse',
      'jacke',
      'kinder',
      'ab',
      '6',
      'jahren',
      'cafe',
    ]);
  });

  it('keeps letters of any script and splits on punctuation', () => {
    // "ł" is a letter of its own in Unicode, not "l" with a mark, so it stays.
    expect(contentTerms('Zürich–Łódź, COVID-19; naïve—résumé')).toEqual([
      'zurich',
      'łodz',
      'covid',
      '19',
      'naive',
      'resume',
    ]);
    expect(contentTerms('')).toEqual([]);
  });
});

describe('termMatchStrength', () => {
  it('grades exact, shared-prefix and compound matches', () => {
    expect(termMatchStrength('jacke', 'jacke')).toBe(exactMatch);
    expect(termMatchStrength('jacke', 'jacken')).toBe(prefixMatch);
    expect(termMatchStrength('inflammation', 'inflammatory')).toBe(prefixMatch);
    expect(termMatchStrength('schuh', 'wanderschuhe')).toBe(compoundMatch);
  });

  it('does not match short words in part, or words that merely start alike', () => {
    expect(termMatchStrength('cat', 'category')).toBe(0);
    expect(termMatchStrength('protein', 'protest')).toBe(0);
    expect(termMatchStrength('wandern', 'schuhe')).toBe(0);
  });
});
