import { describe, expect, it } from 'vitest';

import { MarkwerkError } from '../../core/errors.js';
import { checkLength, countCharacters } from './check-length.js';

describe('checkLength', () => {
  it('returns no findings inside the limits, which are inclusive', () => {
    expect(
      checkLength('Jetzt testen', { minChars: 12, maxChars: 12, minWords: 2, maxWords: 2 }),
    ).toEqual([]);
  });

  it('reports each crossed limit with the measured value', () => {
    const findings = checkLength('Kurzer Text', { minChars: 20, maxWords: 1 });

    expect(findings.map((finding) => [finding.code, finding.actual, finding.limit])).toEqual([
      ['too-few-characters', 11, 20],
      ['too-many-words', 2, 1],
    ]);
    expect(findings[0]!.message).toBe('The text has 11 characters; at least 20 are allowed.');
  });

  it('reports too many characters and too few words', () => {
    const findings = checkLength('Supercalifragilistic', { maxChars: 10, minWords: 3 });

    const codes = findings.map((finding) => finding.code);
    expect(codes).toEqual(['too-many-characters', 'too-few-words']);
  });

  it('counts user-perceived characters and keeps hyphenated words whole', () => {
    expect(countCharacters('Cafe\u0301 🇩🇪')).toBe(6);
    expect(checkLength("E-Mail-Adresse don't", { maxWords: 2 })).toEqual([]);
  });

  it('rejects a minimum above its maximum and a negative limit', () => {
    expect(() => checkLength('x', { minWords: 5, maxWords: 2 })).toThrow(MarkwerkError);
    expect(() => checkLength('x', { maxChars: -1 })).toThrow(/whole number/);
  });
});
