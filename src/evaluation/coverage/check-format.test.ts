import { describe, expect, it } from 'vitest';

import { MarkwerkError } from '../../core/errors.js';
import { checkFormat, splitSentences } from './check-format.js';

const slices = (text: string) =>
  splitSentences(text).map((sentence) => text.slice(sentence.start, sentence.end));

describe('checkFormat', () => {
  it('reports every line break with its place', () => {
    const findings = checkFormat('Zeile eins\r\nZeile zwei\nDrei', { forbidNewlines: true });

    expect(findings.map((finding) => [finding.code, finding.start, finding.end])).toEqual([
      ['newline-present', 10, 12],
      ['newline-present', 22, 23],
    ]);
  });

  it('requires end punctuation, allowing closing quotes and brackets after it', () => {
    const rule = { requireEndPunctuation: true };

    expect(checkFormat('Jetzt bestellen!', rule)).toEqual([]);
    expect(checkFormat('Er sagte: »Los geht’s.«  ', rule)).toEqual([]);
    expect(checkFormat('(Siehe oben …)', rule)).toEqual([]);
    expect(checkFormat('Jetzt bestellen', rule)).toEqual([
      {
        code: 'missing-end-punctuation',
        message: 'The text must end with . ! ? or …; add the closing punctuation.',
        start: 15,
        end: 15,
      },
    ]);
    expect(checkFormat('', rule)).toHaveLength(1);
  });

  it('splits sentences without breaking at abbreviations, initials or decimals', () => {
    const text = 'Wir liefern z. B. nach Wien, bzw. Graz. Preis: 3.50 Euro! Fragen? Dr. Li hilft.';
    expect(slices(text)).toEqual([
      'Wir liefern z. B. nach Wien, bzw. Graz.',
      'Preis: 3.50 Euro!',
      'Fragen?',
      'Dr. Li hilft.',
    ]);
    expect(slices('Headline without a period\n\nBody text, e.g. this one.')).toEqual([
      'Headline without a period',
      'Body text, e.g. this one.',
    ]);
  });

  it('reports each sentence longer than the limit with its word count and place', () => {
    const text = 'Short one. This second sentence has exactly seven words. Fine.';
    const findings = checkFormat(text, { maxSentenceWords: 6 });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'sentence-too-long', actual: 7, limit: 6 });
    expect(findings[0]!.start).toBe(11);
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(
      'This second sentence has exactly seven words.',
    );
  });

  it('returns nothing when no rule is set and rejects a bad sentence limit', () => {
    expect(checkFormat('a\nb', {})).toEqual([]);
    expect(() => checkFormat('a', { maxSentenceWords: 0 })).toThrow(MarkwerkError);
  });
});
