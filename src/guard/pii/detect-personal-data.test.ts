import { describe, expect, it } from 'vitest';
import type { PersonalDataType } from '../finding.js';
import { detectPersonalData } from './detect-personal-data.js';

/** The flagged strings of a text, with their types. */
function flagged(text: string, options: Parameters<typeof detectPersonalData>[1] = {}) {
  return detectPersonalData(text, options).map((finding) => [finding.type, finding.text]);
}

describe('detectPersonalData', () => {
  it('keeps a phone number to 15 digits and finishes on a long run of digit groups', () => {
    const findings = detectPersonalData(`Tel. 030 1234567 2024 1234`, { lang: 'de' });
    expect(findings.map((finding) => finding.text)).toEqual(['030 1234567 2024']);
    // Each shorter prefix of 20,000 groups used to be re-counted: quadratic, seconds long.
    const long = detectPersonalData(`030 ${'1 '.repeat(20_000)}`, { lang: 'de' });
    expect(long.every((finding) => finding.text.replace(/\D/g, '').length <= 15)).toBe(true);
  });

  it('returns guard findings with UTF-16 offsets into the exact input', () => {
    const text = '🎉 Grüße! Schreib an anna.berg@example.de 🙂 oder ruf 0171 2345678 an.';
    const findings = detectPersonalData(text, { lang: 'de' });
    expect(findings.map((finding) => finding.type)).toEqual(['EMAIL', 'PHONE']);
    for (const finding of findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
      expect(finding.score).toBeGreaterThan(0);
      expect(finding.score).toBeLessThanOrEqual(1);
      expect(finding.action).toBe('mask');
      expect(finding.rule).toMatch(/^pii\./);
    }
  });

  it('finds every type in one text, sorted and without overlaps', () => {
    const text =
      'Name: Anna Schmidt, Musterstraße 12, 80331 München, Tel. +49 89 1234567, ' +
      'anna@example.de, IBAN DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, ' +
      'IP 192.0.2.10, geboren am 12.03.1985, Steuer-ID 86095742719, https://example.org/u/anna';
    const types = detectPersonalData(text).map((finding) => finding.type);
    const expected: PersonalDataType[] = [
      'PERSON',
      'ADDRESS',
      'PHONE',
      'EMAIL',
      'IBAN',
      'CREDIT_CARD',
      'IP_ADDRESS',
      'DATE_OF_BIRTH',
      'DE_TAX_ID',
      'URL',
    ];
    expect(types).toEqual(expected);
  });

  it('never flags look-alikes that fail their checksum, whatever the context', () => {
    const text =
      'IBAN: DE89 3704 0044 0532 0130 01. Kreditkarte: 4111 1111 1111 1112. ' +
      'Steuer-ID: 86095742718. Card number 1234 5678 9012 3456. IP 256.1.1.1.';
    expect(flagged(text, { minScore: 0 })).toEqual([]);
  });

  it('flags only valid phone numbers unless told that possible ones are enough', () => {
    expect(flagged('Tel. +49 30 1', { types: ['PHONE'] })).toEqual([]);
    expect(flagged('Call +44 7700 900123', { types: ['PHONE'] })).toEqual([]);
    expect(
      flagged('Call +44 7700 900123', { types: ['PHONE'], phoneValidation: 'possible' }),
    ).toEqual([['PHONE', '+44 7700 900123']]);
    expect(flagged('Call (212) 555-0123 or +1 415-555-0199.', { types: ['PHONE'] })).toEqual([
      ['PHONE', '(212) 555-0123'],
      ['PHONE', '+1 415-555-0199'],
    ]);
  });

  it('does not flag order numbers, prices, dates, versions or product codes as phones', () => {
    const text =
      'Bestellnummer: 0171234567, 1.299,00 €, am 01.02.2024, Version 10.2.3.4, ' +
      'EAN 4006381333932, Art.-Nr. 0123-456789, PLZ 80331.';
    expect(flagged(text)).toEqual([]);
  });

  it('raises the score when a context word labels the value', () => {
    const [labelled] = detectPersonalData('Tel. 030 1234567');
    const [bare] = detectPersonalData('Siehe 030 1234567');
    expect(labelled?.score).toBeGreaterThan(bare?.score ?? 1);
    expect(detectPersonalData('Siehe 030 1234567', { minScore: 0.9 })).toEqual([]);
  });

  it('flags a date as a date of birth only where the context says birth', () => {
    expect(flagged('Geburtsdatum: 14.03.1988')).toEqual([['DATE_OF_BIRTH', '14.03.1988']]);
    expect(flagged('Ich bin am 2. Juni 1979 geboren.')).toEqual([
      ['DATE_OF_BIRTH', '2. Juni 1979'],
    ]);
    expect(flagged('DOB 1991-07-23')).toEqual([['DATE_OF_BIRTH', '1991-07-23']]);
    expect(flagged('I was born on June 2, 1979.')).toEqual([['DATE_OF_BIRTH', 'June 2, 1979']]);
    expect(flagged('Der Sale läuft vom 21.03.2025 bis 04.04.2025.')).toEqual([]);
    expect(flagged('Order shipped on March 3, 2025.')).toEqual([]);
  });

  it('looks only for the requested types', () => {
    const text = 'Mail a@example.de, Tel. 0171 2345678';
    expect(flagged(text, { types: ['PHONE'] })).toEqual([['PHONE', '0171 2345678']]);
  });
});

describe('allow-lists', () => {
  const text =
    'Schreib an service@bergfink.example oder anna.berg@example.de. Der Spatz Expressset ' +
    'von Herrn Spatz liegt bei https://shop.bergfink.example/spatz und https://blog.example/spatz.';

  it('drops findings overlapping an exact allow-listed string, and only those', () => {
    expect(flagged(text, { types: ['EMAIL'], allow: ['service@bergfink.example'] })).toEqual([
      ['EMAIL', 'anna.berg@example.de'],
    ]);
  });

  it('drops name-like findings containing an allowed word, for URLs only in the host', () => {
    const findings = flagged(text, {
      types: ['PERSON', 'URL', 'EMAIL'],
      allow: { words: ['spatz', 'Bergfink'] },
    });
    expect(findings).toEqual([
      ['EMAIL', 'service@bergfink.example'],
      ['EMAIL', 'anna.berg@example.de'],
      ['URL', 'https://blog.example/spatz'],
    ]);
  });
});

describe('pasted and abbreviated forms', () => {
  it('finds an IBAN pasted in lower case without spaces, still only with a valid checksum', () => {
    expect(flagged('iban: de89370400440532013000')).toEqual([['IBAN', 'de89370400440532013000']]);
    expect(flagged('iban: de89370400440532013001')).toEqual([]);
  });

  it('skips academic titles after an honorific', () => {
    expect(flagged('Termin bei Frau Dr. med. Eva Stein', { types: ['PERSON'] })).toEqual([
      ['PERSON', 'Eva Stein'],
    ]);
  });
});

describe('phone extensions', () => {
  it('includes an extension written after the number in the span', () => {
    expect(flagged('Call (646) 555-0100 ext. 12 today', { types: ['PHONE'] })).toEqual([
      ['PHONE', '(646) 555-0100 ext. 12'],
    ]);
    expect(flagged('Tel. 089 1234567 Durchwahl 214', { types: ['PHONE'] })).toEqual([
      ['PHONE', '089 1234567 Durchwahl 214'],
    ]);
    expect(flagged('Tel. 089 1234567 x-mas sale', { types: ['PHONE'] })).toEqual([
      ['PHONE', '089 1234567'],
    ]);
  });
});
