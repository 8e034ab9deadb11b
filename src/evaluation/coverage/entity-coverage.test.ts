import { describe, expect, it } from 'vitest';

import { entityCoverage } from './entity-coverage.js';

describe('entityCoverage', () => {
  it('finds entities given as plain names, ignoring case and accents', () => {
    const text = 'Die neue Kollektion von Müller & Söhne gibt es ab Mai in ZÜRICH.';
    const report = entityCoverage(text, ['Müller & Söhne', 'Zurich', 'Berlin']);

    expect(report.covered).toEqual(['Müller & Söhne', 'Zurich']);
    expect(report.missing).toEqual(['Berlin']);
    expect(report.share).toBeCloseTo(2 / 3, 12);
    expect(report.terms[0]!.first).toEqual({ start: 24, end: 38 });
  });

  it('counts an alias as a mention, reported under the entity name', () => {
    const text = 'Ask VW about the ID.3. Volkswagen says more later; VW agrees.';
    const report = entityCoverage(text, [
      { name: 'Volkswagen', aliases: ['VW'] },
      { name: 'Deutsche Bahn', aliases: ['DB'] },
    ]);

    expect(report.covered).toEqual(['Volkswagen']);
    expect(report.missing).toEqual(['Deutsche Bahn']);
    expect(report.terms[0]).toEqual({
      term: 'Volkswagen',
      covered: true,
      occurrences: 3,
      first: { start: 4, end: 6 },
    });
  });

  it('does not find an entity inside a longer word', () => {
    expect(entityCoverage('Audience first.', ['Audi']).missing).toEqual(['Audi']);
  });
});
