import { describe, expect, it } from 'vitest';

import { MarkwerkError } from '../../core/errors.js';
import { termCoverage } from './term-coverage.js';

describe('termCoverage', () => {
  it('matches ignoring case and diacritics and reports the share', () => {
    const text = 'Unsere QUALITAT überzeugt: nachhaltige Mode aus Köln, fair produziert.';
    const report = termCoverage(text, ['Qualität', 'Uberzeugt', 'koln', 'Bio-Baumwolle']);

    expect(report.covered).toEqual(['Qualität', 'Uberzeugt', 'koln']);
    expect(report.missing).toEqual(['Bio-Baumwolle']);
    expect(report.share).toBe(0.75);
    expect(report.terms[0]).toEqual({
      term: 'Qualität',
      covered: true,
      occurrences: 1,
      first: { start: 7, end: 15 },
    });
  });

  it('matches whole words only', () => {
    const report = termCoverage('Der Markenkern ist klar. Brandwise ist unser Name.', [
      'Marke',
      'brand',
      'klar',
    ]);

    expect(report.covered).toEqual(['klar']);
    expect(report.missing).toEqual(['Marke', 'brand']);
  });

  it('matches phrases as consecutive words across punctuation and spacing', () => {
    const text = 'Free shipping on all orders. Shipping is free,\nreturns are free too.';
    const report = termCoverage(text, ['free shipping', 'returns are free', 'free returns']);

    expect(report.covered).toEqual(['free shipping', 'returns are free']);
    expect(report.missing).toEqual(['free returns']);
  });

  it('finds a phrase across a break only where the phrase has the same break', () => {
    const report = termCoverage('Preise: z. B. 5 Euro. Gratis Versand ab ID.3 & mehr', [
      'z. B.',
      'Euro Gratis',
      'ID.3 & mehr',
    ]);

    expect(report.covered).toEqual(['z. B.', 'ID.3 & mehr']);
    expect(report.missing).toEqual(['Euro Gratis']);
  });

  it('folds ß to ss and treats a hyphen like a space', () => {
    const report = termCoverage('STRASSE und e mail', ['Straße', 'E-Mail', 'email']);

    expect(report.covered).toEqual(['Straße', 'E-Mail']);
    expect(report.missing).toEqual(['email']);
  });

  it('counts non-overlapping occurrences and gives the first place', () => {
    const text = 'go go go Go!';
    const report = termCoverage(text, ['go go']);

    expect(report.terms[0]).toMatchObject({ occurrences: 2, first: { start: 0, end: 5 } });
  });

  it('reports a term once when its spellings fold to the same words', () => {
    const report = termCoverage('Café', ['Café', 'cafe', 'CAFÉ']);

    expect(report.terms).toHaveLength(1);
    expect(report.share).toBe(1);
  });

  it('gives share 1 when nothing is required', () => {
    expect(termCoverage('anything', [])).toEqual({ terms: [], covered: [], missing: [], share: 1 });
  });

  it('rejects a term without letters or digits', () => {
    expect(() => termCoverage('text', ['  - '])).toThrow(MarkwerkError);
  });
});
