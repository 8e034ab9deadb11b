import { describe, expect, it } from 'vitest';
import { entityFactsOf, missingFacts, numberFactsOf, parseNumber } from './facts.js';

const brief = (text: string) =>
  numberFactsOf(text).map((fact) => `${fact.value}${fact.unit ? ` ${fact.unit}` : ''}`);

describe('number facts', () => {
  it('reads German and English digit grouping and decimal marks alike', () => {
    expect(parseNumber('28.000')).toBe(28000);
    expect(parseNumber('28,000')).toBe(28000);
    expect(parseNumber('249,90')).toBe(249.9);
    expect(parseNumber('99.9999')).toBe(99.9999);
    expect(parseNumber('1 200')).toBe(1200);
  });

  it('keeps units and currencies before or after the number, in canonical form', () => {
    expect(brief('Wassersäule von 28.000 mm, kostet 249,90 € statt EUR 299.')).toEqual([
      '28000 mm',
      '249.9 EUR',
      '299 EUR',
    ]);
    expect(brief('Icaridin 20 % schützt bis zu 8 Stunden, LSF 50, 110 km/h.')).toEqual([
      '20 %',
      '8 h',
      '50 spf',
      '110 km/h',
    ]);
    expect(brief('protects for up to 8 hours with 20% Icaridin and SPF 50')).toEqual([
      '8 h',
      '20 %',
      '50 spf',
    ]);
  });
});

describe('entity facts', () => {
  it('finds inner capitals, acronyms, model codes and English names', () => {
    const entities = entityFactsOf(
      'The Sturmgrat BergfinkDry 3L jacket is free of PFAS, says Dermalab.',
      'en',
    ).map((fact) => fact.text);
    expect(entities).toEqual(['Sturmgrat', 'BergfinkDry', '3L', 'PFAS', 'Dermalab']);
  });

  it('does not take German nouns for names, but does take known names', () => {
    const entities = entityFactsOf('Die Jacke von Sturmgrat ist wasserdicht.', 'de', [
      'Sturmgrat',
    ]).map((fact) => fact.text);
    expect(entities).toEqual(['Sturmgrat']);
  });
});

describe('missingFacts', () => {
  it('reports the numbers, units and names the source does not state', () => {
    const sentence = 'It has 28.000 mm, weighs 450 g and ships in 3 days from BergfinkDry.';
    const facts = [...numberFactsOf(sentence), ...entityFactsOf(sentence, 'en')];

    const missing = missingFacts(facts, 'BergfinkDry: 28,000 mm head, weight 480 g, 3 days.');

    expect(missing.map((fact) => fact.text)).toEqual(['450 g']);
  });

  it('does not accept the same value in another unit', () => {
    const facts = numberFactsOf('protects for 8 hours');
    expect(missingFacts(facts, 'tested with 8 volunteers for 5 hours')).toHaveLength(1);
  });
});
