import { describe, expect, it } from 'vitest';
import { cutAtWord, isNearDuplicate, termsOf } from './offline-text.js';

describe('cutAtWord', () => {
  it('keeps text that fits', () => {
    expect(cutAtWord('Alpspur LVS-Gerät', 17)).toBe('Alpspur LVS-Gerät');
  });

  it('cuts at the last word boundary within the limit, never inside a word', () => {
    expect(cutAtWord('Sternschnuppe -5 Daunenschlafsack', 30)).toBe('Sternschnuppe -5');
    expect(cutAtWord('Talblick Sport Interchangeable Lenses', 30)).toBe(
      'Talblick Sport Interchangeable',
    );
    expect(cutAtWord('Talblick Sport Interchangeable Lenses', 29)).toBe('Talblick Sport');
  });

  it('drops a dangling separator or conjunction at the end', () => {
    expect(cutAtWord('Sturmgrat Jacket – 28,000 mm head', 20)).toBe('Sturmgrat Jacket');
    expect(cutAtWord('Warm, light and packable down', 17)).toBe('Warm, light');
    expect(cutAtWord('Leicht und warm für Hütten', 16)).toBe('Leicht und warm');
  });

  it('returns nothing when not even the first word fits', () => {
    expect(cutAtWord('Waschmaschinenreiniger extra', 10)).toBe('');
  });
});

describe('termsOf and isNearDuplicate', () => {
  it('stems by language and ignores stop words', () => {
    expect([...termsOf('The jackets and a jacket', 'en')]).toEqual(['jacket']);
    expect(termsOf('Die Wassersäulen', 'de')).toEqual(termsOf('der Wassersäule', 'de'));
  });

  it('treats a reworded copy as a near-duplicate and a different fact as not', () => {
    const sentence = termsOf('Reapply every two hours and after swimming.', 'en');

    expect(
      isNearDuplicate(sentence, termsOf('Reapply sunscreen every two hours after swimming.', 'en')),
    ).toBe(true);
    expect(isNearDuplicate(sentence, termsOf('SPF 50 blocks about 98 percent of UVB.', 'en'))).toBe(
      false,
    );
  });
});
