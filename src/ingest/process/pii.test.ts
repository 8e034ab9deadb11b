import { describe, expect, it } from 'vitest';
import { sha256 } from '../../core/hash.js';
import type { PiiType } from './pii.js';
import { detectPii, maskPii } from './pii.js';

const allTypes: PiiType[] = ['EMAIL', 'PHONE', 'IBAN', 'CREDIT_CARD', 'IP_ADDRESS'];

/** The flagged strings of a text, with their types. */
function flagged(text: string, allow: string[] = []): [PiiType, string][] {
  return detectPii(text, allTypes, allow).map((finding) => [finding.type, finding.text]);
}

describe('detectPii', () => {
  it('finds e-mail addresses next to punctuation, with UTF-16 offsets', () => {
    const text = '🎉 Fragen? (max.mustermann@beispiel.de), oder: info@shop.example.com.';
    const findings = detectPii(text, ['EMAIL'], []);
    expect(findings.map((finding) => finding.text)).toEqual([
      'max.mustermann@beispiel.de',
      'info@shop.example.com',
    ]);
    for (const finding of findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    }
    expect(findings[0]?.start).toBe(text.indexOf('max.'));
  });

  it('does not flag social handles, local names or addresses without a domain', () => {
    expect(flagged('Folge @marke auf Instagram, schreib an root@localhost oder an x@.de.')).toEqual(
      [],
    );
    expect(flagged('Kontakt:vertrieb@marke.de')).toEqual([['EMAIL', 'vertrieb@marke.de']]);
  });

  it('finds German, Austrian, Swiss, other European and US phone numbers', () => {
    const numbers = [
      '0171 1234567',
      '030/1234567',
      '(089) 123 45 67',
      '030 - 123 456 78',
      '01761234567',
      '+49 30 1234567',
      '+49 (0)171 1234567',
      '+49-30-1234567',
      '+49 30 12345-0',
      '0049 89 12345678',
      '+43 1 5880 0',
      '+41 44 668 18 00',
      '+44 7700 900123',
      '+353 1 555 0198',
      '+33 6 12 34 56 78',
      '+46 70 123 45 67',
      '+30 694 123 4567',
      '(212) 555-0123',
      '+1 415-555-0199',
      '202.555.0143',
    ];
    for (const number of numbers) {
      expect(flagged(`Ruf an: ${number}, danke.`), number).toEqual([['PHONE', number]]);
    }
  });

  it('does not flag dates, prices, article numbers, versions or short numbers', () => {
    const text =
      'Am 01.02.2024 und 2024-03-15 (15/03/2026) kostet es 1.299,00 € statt EUR 12.345.678. ' +
      'Art.-Nr. 0123-456789, EAN 4006381333932, Bestellnummer: 0171234567, Version 10.2.3.4, ' +
      'v2.14.1, PLZ 80331, 0,99 €, Kalenderwoche 12, 3 x 250 ml, Größe 38-40, +30 000 Fans, ' +
      '+1.000.000 Downloads, +25 % mehr.';
    expect(flagged(text)).toEqual([]);
  });

  it('still flags a phone number labelled as one', () => {
    expect(flagged('Tel.-Nr.: 0221 9876543')).toEqual([['PHONE', '0221 9876543']]);
  });

  it('flags IBANs that pass mod-97 and not look-alikes that fail it', () => {
    const text =
      'Konto DE89 3704 0044 0532 0130 00, AT611904300234573201, CH93 0076 2011 6238 5295 7 ' +
      'und GB82 WEST 1234 5698 7654 32; falsch: DE89 3704 0044 0532 0130 01.';
    expect(flagged(text)).toEqual([
      ['IBAN', 'DE89 3704 0044 0532 0130 00'],
      ['IBAN', 'AT611904300234573201'],
      ['IBAN', 'CH93 0076 2011 6238 5295 7'],
      ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
    ]);
  });

  it('does not take a product code that passes both GTIN and Luhn checks for a card', () => {
    expect(flagged('Neu im Sortiment: 4006381333023 und 4006381333122.')).toEqual([]);
    expect(flagged('Karte 4006 3813 3302 3 ist keine übliche Gruppierung.')).toEqual([]);
  });

  it('flags card numbers that pass the Luhn check and not those that fail it', () => {
    const text =
      'Karte 4111 1111 1111 1111, 5555-5555-5555-4444, Amex 378282246310005; ' +
      'ungültig: 4111 1111 1111 1112 und 1234 5678 9012 3456.';
    expect(flagged(text)).toEqual([
      ['CREDIT_CARD', '4111 1111 1111 1111'],
      ['CREDIT_CARD', '5555-5555-5555-4444'],
      ['CREDIT_CARD', '378282246310005'],
    ]);
  });

  it('flags IPv4 and IPv6 addresses, compressed forms included', () => {
    const text =
      'Von 192.168.0.1 und 10.0.0.255, IPv6 2001:db8::ff00:42:8329, fe80::1 oder ' +
      '::ffff:192.0.2.128 und 2001:0db8:85a3:0000:0000:8a2e:0370:7334. ' +
      'Nicht: 256.1.1.1, 1.2.3, 12:30:45, std::vector, 00:1A:2B:3C:4D:5E.';
    expect(flagged(text)).toEqual([
      ['IP_ADDRESS', '192.168.0.1'],
      ['IP_ADDRESS', '10.0.0.255'],
      ['IP_ADDRESS', '2001:db8::ff00:42:8329'],
      ['IP_ADDRESS', 'fe80::1'],
      ['IP_ADDRESS', '::ffff:192.0.2.128'],
      ['IP_ADDRESS', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ]);
  });

  it('never flags allow-listed strings', () => {
    const text = 'Schreib an service@marke.de oder an anna.schmidt@web.de, Tel. 030 1234567.';
    expect(flagged(text, ['service@marke.de', '030 1234567'])).toEqual([
      ['EMAIL', 'anna.schmidt@web.de'],
    ]);
  });

  it('only looks for the requested types and returns sorted, non-overlapping findings', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 00, Mail a@b.de, Tel. 0171 1234567';
    expect(detectPii(text, ['PHONE'], []).map((finding) => finding.text)).toEqual(['0171 1234567']);
    const findings = detectPii(text, allTypes, []);
    expect(findings.map((finding) => finding.type)).toEqual(['IBAN', 'EMAIL', 'PHONE']);
    for (let index = 1; index < findings.length; index++) {
      expect(findings[index]?.start).toBeGreaterThanOrEqual(findings[index - 1]?.end ?? 0);
    }
  });
});

describe('maskPii', () => {
  const text = 'Mail a@b.de, nochmal a@b.de, Tel. 0171 1234567.';
  const findings = detectPii(text, allTypes, []);

  it('tags each finding with its type and counts them', () => {
    expect(maskPii(text, findings, 'tag')).toEqual({
      text: 'Mail [EMAIL], nochmal [EMAIL], Tel. [PHONE].',
      counts: { EMAIL: 2, PHONE: 1, IBAN: 0, CREDIT_CARD: 0, IP_ADDRESS: 0 },
    });
  });

  it('redacts findings', () => {
    expect(maskPii(text, findings, 'redact').text).toBe(
      'Mail [REDACTED], nochmal [REDACTED], Tel. [REDACTED].',
    );
  });

  it('hashes findings so the same value gets the same tag', () => {
    const emailTag = `[EMAIL:${sha256('a@b.de').slice(0, 8)}]`;
    const phoneTag = `[PHONE:${sha256('0171 1234567').slice(0, 8)}]`;
    expect(maskPii(text, findings, 'hash').text).toBe(
      `Mail ${emailTag}, nochmal ${emailTag}, Tel. ${phoneTag}.`,
    );
  });

  it('leaves the text unchanged when off, but still counts', () => {
    expect(maskPii(text, findings, 'off')).toEqual({
      text,
      counts: { EMAIL: 2, PHONE: 1, IBAN: 0, CREDIT_CARD: 0, IP_ADDRESS: 0 },
    });
  });
});
