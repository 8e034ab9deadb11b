/**
 * Checksums and shape checks that turn pattern matches into personal-data findings.
 * @module
 */
import { isIP } from 'node:net';

/** ISO 13616 check: the rearranged IBAN, read as a number with A=10 … Z=35, is 1 mod 97. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;

  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rearranged.length; index++) {
    const code = rearranged.charCodeAt(index);
    const value = code <= 0x39 ? code - 0x30 : code - 0x41 + 10;
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

/** How card numbers are grouped when written with spaces or dashes: 4-4-4-4(-3) or 4-6-4/5. */
const cardGrouping = /^(?:\d{4}[ -]){3}\d{4}(?:[ -]\d{3})?$|^\d{4}[ -]\d{6}[ -]\d{4,5}$/;

/**
 * Payment card check: 13 to 19 digits, ungrouped or grouped as cards print them, a first
 * digit an issuer uses (2–6: Mastercard, Amex, Diners, Visa, Discover, Maestro, UnionPay,
 * JCB), a valid Luhn check digit, and for 13 and 14 digits not a valid GTIN (EAN) code.
 */
export function isValidCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !/^[2-6]\d+$/.test(digits)) return false;
  if (digits.length !== candidate.length && !cardGrouping.test(candidate)) return false;
  // Product codes (EAN-13, GTIN-14) are far more common in marketing text than 13- or
  // 14-digit cards, and a tenth of them pass Luhn by chance.
  if (digits.length <= 14 && digits.length === candidate.length && isValidGtin(digits)) {
    return false;
  }
  return luhnSum(digits) % 10 === 0;
}

/** GS1 check digit: weights 3, 1, 3, … from the right, excluding the check digit itself. */
function isValidGtin(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length - 1; index++) {
    const digit = digits.charCodeAt(digits.length - 2 - index) - 0x30;
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 0x30;
}

/** Luhn sum: every second digit from the right doubled, digits of the product added. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 0x30;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

/** Phone numbers have 7 to 15 digits (ITU E.164 allows at most 15) and are not dates. */
export function isPlausiblePhone(candidate: string): boolean {
  const digitCount = candidate.replace(/\D/g, '').length;
  if (digitCount < 7 || digitCount > 15) return false;
  return !/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(candidate);
}

/** A valid IPv4 address (octets up to 255) or IPv6 address, compressed forms included. */
export function isValidIp(candidate: string, version: 4 | 6): boolean {
  return isIP(candidate) === version;
}

/**
 * Words that, just before a number, say it is a product or document number rather than
 * personal data (article numbers, GTINs, order and invoice numbers, versions).
 */
const labelWords =
  'ean|gtin|upc|isbn|sku|art|artikel|bestell|auftrags?|rechnungs?|kunden|order|item|model|' +
  'modell|version|ver|v|nr|no|id|ref';
const numberLabel = new RegExp(
  `(?:\\b(?:${labelWords})(?:nummer|nr|no)?\\b[\\s.:#-]*(?:(?:nr|no|nummer)\\b[\\s.:#-]*)?|#\\s*)$`,
  'i',
);

/** Words that say a number is a phone number after all ("Tel.-Nr.", "Phone no."). */
const phoneLabel = /\b(?:tel|telefon\w*|fon|phone|mobil\w*|handy|fax|ruf\w*|call)\b/i;

/** Whether the number at `start` continues something that starts like an IBAN ("DE89 …"). */
export function followsIbanPrefix(text: string, start: number): boolean {
  return /[A-Z]{2}\d{2} ?$/.test(text.slice(Math.max(0, start - 5), start));
}

/** Whether the text just before `start` labels the number as a non-personal number. */
export function hasNumberLabel(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  return numberLabel.test(before) && !phoneLabel.test(before);
}
