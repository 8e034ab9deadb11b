import { describe, expect, it } from 'vitest';
import { countTokens } from './tokens.js';

describe('countTokens', () => {
  it('counts short words and punctuation marks one each', () => {
    expect(countTokens('Hello, world!')).toBe(4);
    expect(countTokens('Jetzt kaufen: 20 % Rabatt.')).toBe(7);
  });

  it('counts long words as ceil(length / 6)', () => {
    expect(countTokens('Waschmaschine')).toBe(3);
    expect(countTokens('Pflege')).toBe(1);
    expect(countTokens('Grüße')).toBe(1);
  });

  it('counts nothing for whitespace, so joined texts add up', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens(' \n\t\u00a0')).toBe(0);
    const first = 'Ein Satz, mit Komma.';
    const second = 'Noch ein Absatz (kurz).';
    expect(countTokens(`${first}\n${second}`)).toBe(countTokens(first) + countTokens(second));
  });

  it('counts one token per character in scripts without spaces, and emoji once', () => {
    expect(countTokens('新しい')).toBe(3);
    expect(countTokens('Neu 🎉')).toBe(2);
  });
});
