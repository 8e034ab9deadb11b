import { describe, expect, it } from 'vitest';
import { personDetector } from './person-detector.js';
import { detectPersonalData } from './detect-personal-data.js';

function names(text: string): string[] {
  return detectPersonalData(text, { types: ['PERSON'] }).map((finding) => finding.text);
}

describe('PERSON rules', () => {
  it('takes the name after an honorific or title, without the honorific', () => {
    expect(names('Sehr geehrte Frau Dr. Berger, danke.')).toEqual(['Berger']);
    expect(names("Dear Mr O'Connor and Ms. Whitfield-Hale,")).toEqual([
      "O'Connor",
      'Whitfield-Hale',
    ]);
  });

  it('takes a name after a label or an introduction', () => {
    expect(names('Kundin: Sabine Krüger, Tel. folgt')).toEqual(['Sabine Krüger']);
    expect(names('Hallo, mein Name ist Jonas Weber.')).toEqual(['Jonas Weber']);
  });

  it('takes a known first name with surnames, particles included', () => {
    expect(names('Anna Schmidt und Lena von der Heide kommen mit.')).toEqual([
      'Anna Schmidt',
      'Lena von der Heide',
    ]);
  });

  it('takes a lone known first name only after a greeting or before a sign-off', () => {
    expect(names('Hallo Anna, dein Paket ist da.')).toEqual(['Anna']);
    expect(names('Best regards,\nMichael')).toEqual(['Michael']);
    expect(names('Our guide Mark will meet you at 7.')).toEqual([]);
    expect(names('Hallo Team, hallo Kundenservice,')).toEqual([]);
  });

  it('does not take capitalised words that are not names', () => {
    expect(names('Die Talblick Sonnenbrille und der Wolkenbett Schlafsack.')).toEqual([]);
    expect(names('Anna Sie haben Post')).toEqual([]);
    expect(names('Herr der Ringe')).toEqual([]);
  });

  it('reports offsets into the exact text', () => {
    const text = 'Grüße 🙂 von Frau Müller-Lüdenscheidt';
    const [match] = personDetector.detect(text, { phoneValidation: 'valid' });
    expect(match && text.slice(match.start, match.end)).toBe('Müller-Lüdenscheidt');
  });
});
