/**
 * Checksums and shape checks that separate real account, card and tax numbers from
 * look-alikes. A candidate that fails its check is never a finding.
 * @module
 */

/** IBAN length per country (ISO 13616 registry), for the countries customers write from. */
const ibanLengths: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
};

/**
 * ISO 13616 check: a known country, its exact length, and the rearranged IBAN read as a
 * number with A=10 … Z=35 is 1 mod 97.
 */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  const expectedLength = ibanLengths[iban.slice(0, 2)];
  if (expectedLength !== iban.length || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;

  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rearranged.length; index++) {
    const code = rearranged.charCodeAt(index);
    const value = code <= 0x39 ? code - 0x30 : code - 0x41 + 10;
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

/** Card networks by issuer prefix (IIN range) and the lengths their numbers have. */
const cardNetworks: { name: string; prefix: RegExp; lengths: number[] }[] = [
  { name: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  {
    name: 'mastercard',
    prefix: /^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/,
    lengths: [16],
  },
  { name: 'amex', prefix: /^3[47]/, lengths: [15] },
  { name: 'discover', prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] },
  { name: 'diners', prefix: /^(?:30[0-5]|3095|36|3[89])/, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] },
  { name: 'unionpay', prefix: /^62/, lengths: [16, 17, 18, 19] },
  {
    name: 'maestro',
    prefix: /^(?:5018|5020|5038|5893|6304|6759|676[1-3])/,
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
];

/** The card network of a digit string, or `undefined` when no known prefix and length fit. */
export function cardNetwork(digits: string): string | undefined {
  return cardNetworks.find(
    (network) => network.prefix.test(digits) && network.lengths.includes(digits.length),
  )?.name;
}

/** How card numbers are grouped when written with spaces or dashes: 4-4-4-4(-3) or 4-6-4/5. */
const cardGrouping = /^(?:\d{4}[ -]){3}\d{4}(?:[ -]\d{3})?$|^\d{4}[ -]\d{6}[ -]\d{4,5}$/;

/**
 * Payment card check: a known network prefix and length, ungrouped or grouped as cards print
 * them, a valid Luhn check digit, and for 13 and 14 digits not a valid GTIN (EAN) code.
 */
export function isValidCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  if (!/^\d{13,19}$/.test(digits) || cardNetwork(digits) === undefined) return false;
  if (digits.length !== candidate.length && !cardGrouping.test(candidate)) return false;
  // Product codes (EAN-13, GTIN-14) are far more common in marketing text than 13- or
  // 14-digit cards, and a tenth of them pass Luhn by chance.
  if (digits.length <= 14 && digits.length === candidate.length && isValidGtin(digits)) {
    return false;
  }
  return luhnSum(digits) % 10 === 0;
}

/** GS1 check digit: weights 3, 1, 3, … from the right, excluding the check digit itself. */
export function isValidGtin(digits: string): boolean {
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

/**
 * German tax identification number (Steuer-IdNr): 11 digits, no leading zero; in the first
 * ten, exactly one digit appears twice or three times (three times never all adjacent) and
 * the rest at most once; the last digit is the ISO 7064 MOD 11,10 check digit.
 */
export function isValidDeTaxId(candidate: string): boolean {
  const digits = candidate.replace(/[ /]/g, '');
  if (!/^[1-9]\d{10}$/.test(digits)) return false;

  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.entries()].filter(([, count]) => count > 1);
  if (repeated.length !== 1) return false;
  const [digit, count] = repeated[0]!;
  if (count > 3) return false;
  if (count === 3 && digits.slice(0, 10).includes(digit.repeat(3))) return false;

  return taxIdCheckDigit(digits.slice(0, 10)) === digits.charCodeAt(10) - 0x30;
}

/** ISO 7064 MOD 11,10 check digit over a digit string. */
export function taxIdCheckDigit(body: string): number {
  let product = 10;
  for (const character of body) {
    let sum = (character.charCodeAt(0) - 0x30 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}
