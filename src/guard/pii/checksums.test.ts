import { describe, expect, it } from 'vitest';
import {
  cardNetwork,
  isValidCardNumber,
  isValidDeTaxId,
  isValidIban,
  taxIdCheckDigit,
} from './checksums.js';

/** Puts correct mod-97 check digits into a country code and BBAN, whatever the length. */
function withCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  const remainder = Number(BigInt(numeric) % 97n);
  return `${country}${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** Appends the Luhn check digit. */
function withLuhn(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${body}${digit}`;
    let sum = 0;
    for (let index = 0; index < candidate.length; index++) {
      let value = Number(candidate[candidate.length - 1 - index]);
      if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

describe('isValidIban', () => {
  it('accepts IBANs with a correct mod-97 check and their country length', () => {
    for (const iban of [
      'DE89 3704 0044 0532 0130 00',
      'AT611904300234573201',
      'CH93 0076 2011 6238 5295 7',
      'GB82 WEST 1234 5698 7654 32',
      'NL42ABNA4709226129',
      'fr24 8902 1675 7930 0226 2716 544',
    ]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  it('rejects a changed digit, swapped digits, a wrong length and an unknown country', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('DE89 3704 0044 0523 0130 00')).toBe(false);
    const tooShort = withCheckDigits('DE', '3704004405320130');
    expect(tooShort).toHaveLength(20);
    expect(isValidIban(tooShort)).toBe(false);
    expect(isValidIban(withCheckDigits('DE', '370400440532013000'))).toBe(true);
    expect(isValidIban(withCheckDigits('QQ', '370400440532013000'))).toBe(false);
  });
});

describe('isValidCardNumber', () => {
  it('accepts Luhn-valid numbers of known networks, grouped as cards print them', () => {
    expect(isValidCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(isValidCardNumber('5555-5555-5555-4444')).toBe(true);
    expect(isValidCardNumber('3782 822463 10005')).toBe(true);
    expect(isValidCardNumber('2221000000000009')).toBe(true);
    expect(cardNetwork('378282246310005')).toBe('amex');
    expect(cardNetwork('2221000000000009')).toBe('mastercard');
  });

  it('rejects a failed Luhn check, an unknown prefix, a wrong length and odd grouping', () => {
    expect(isValidCardNumber('4111 1111 1111 1112')).toBe(false);
    expect(isValidCardNumber(withLuhn('912345678901234'))).toBe(false);
    expect(isValidCardNumber(withLuhn('370000000000000'))).toBe(false); // Amex has 15 digits
    expect(isValidCardNumber('41 1111 1111 1111 11')).toBe(false);
  });

  it('rejects 13-digit numbers that are valid EAN codes even when Luhn passes', () => {
    expect(isValidCardNumber('4006381333023')).toBe(false);
  });
});

describe('isValidDeTaxId', () => {
  const valid = '86095742719';

  it('accepts an 11-digit number with one repeated digit and the right check digit', () => {
    expect(isValidDeTaxId(valid)).toBe(true);
    expect(isValidDeTaxId('86 095 742 719')).toBe(true);
  });

  it('rejects a wrong check digit and a leading zero', () => {
    expect(isValidDeTaxId('86095742718')).toBe(false);
    // The same digits with a 1 in front pass, so only the leading zero can refuse this body.
    expect(isValidDeTaxId(`1023456781${taxIdCheckDigit('1023456781')}`)).toBe(true);
    const body = '0123456781';
    expect(isValidDeTaxId(`${body}${taxIdCheckDigit(body)}`)).toBe(false);
  });

  it('applies the digit-repetition rule before the check digit', () => {
    const allDistinct = '1234567890';
    expect(isValidDeTaxId(`${allDistinct}${taxIdCheckDigit(allDistinct)}`)).toBe(false);
    const twoRepeated = '1123456788';
    expect(isValidDeTaxId(`${twoRepeated}${taxIdCheckDigit(twoRepeated)}`)).toBe(false);
    const threeApart = '1213456781';
    expect(isValidDeTaxId(`${threeApart}${taxIdCheckDigit(threeApart)}`)).toBe(true);
    const threeAdjacent = '1112345678';
    expect(isValidDeTaxId(`${threeAdjacent}${taxIdCheckDigit(threeAdjacent)}`)).toBe(false);
    const fourTimes = '1213141567';
    expect(isValidDeTaxId(`${fourTimes}${taxIdCheckDigit(fourTimes)}`)).toBe(false);
  });
});
