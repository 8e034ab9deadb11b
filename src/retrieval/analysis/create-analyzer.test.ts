import { describe, expect, it } from 'vitest';

import { createAnalyzer } from './create-analyzer.js';
import { analysisLanguage } from './language.js';
import { splitWords } from './word-splitter.js';

describe('splitWords', () => {
  it('keeps alphanumerics, folds case and diacritics, and handles hyphens and apostrophes', () => {
    expect(splitWords('SPF50 Größe Café')).toEqual(['spf50', 'grosse', 'cafe']);
    expect(splitWords("Bergfink's don't")).toEqual(['bergfink', 'dont']);
    expect(splitWords('Regen-Jacke, -- IL-6')).toEqual([
      'regen',
      'jacke',
      'regenjacke',
      'il',
      '6',
      'il6',
    ]);
  });
});

describe('analysisLanguage', () => {
  it('maps tags to the English, German or unknown-language pipeline', () => {
    expect(analysisLanguage('de-CH')).toBe('de');
    expect(analysisLanguage('EN_gb')).toBe('en');
    expect(analysisLanguage('fr')).toBe('und');
    expect(analysisLanguage('')).toBe('und');
  });
});

describe('createAnalyzer', () => {
  it('stems English and drops English stop words', () => {
    const analyzer = createAnalyzer();
    expect(analyzer.tokens('The cells are running', 'en')).toEqual(['cell', 'run']);
  });

  it('stems German the same with and without umlauts and drops German stop words', () => {
    const analyzer = createAnalyzer({ compounds: 'none' });
    expect(analyzer.tokens('die Häuser und Hauser', 'de')).toEqual(['haus', 'haus']);
  });

  it('yields both stems for an unknown language and drops both stop lists', () => {
    const analyzer = createAnalyzer({ compounds: 'none' });
    expect(analyzer.tokens('the running Jacken und', 'und')).toEqual([
      'run',
      'running',
      'jacken',
      'jack',
    ]);
  });

  it('splits German compounds into parts known to the lexicon and keeps the whole word', () => {
    const lexicon = new Set(['schuh', 'wand', 'reg', 'jack']);
    const analyzer = createAnalyzer({ compounds: 'split' }, lexicon);
    expect(analyzer.tokens('Wanderschuhe', 'de')).toEqual(['wanderschuh', 'wand', 'schuh']);
    expect(analyzer.tokens('Regenjacke', 'de')).toEqual(['regenjack', 'reg', 'jack']);
    expect(analyzer.tokens('Kletterseil', 'de')).toEqual(['kletterseil']);
    expect(analyzer.tokens('Wanderschuhe', 'en')).toEqual(['wanderschuh']);
  });

  it('treats the words of the analysed text itself as known parts', () => {
    const analyzer = createAnalyzer({ compounds: 'split' });
    expect(analyzer.tokens('Kletterseil: Seil zum Klettern', 'de')).toEqual([
      'kletterseil',
      'seil',
      'klett',
      'klett',
      'seil',
    ]);
  });

  it('adds marked character 4-grams of long German words in n-gram mode', () => {
    const analyzer = createAnalyzer({ compounds: 'ngrams' });
    expect(analyzer.tokens('Regenjacke', 'de')).toEqual([
      'regenjack',
      '#rege',
      '#egen',
      '#genj',
      '#enja',
      '#njac',
      '#jack',
      '#acke',
    ]);
  });
});
