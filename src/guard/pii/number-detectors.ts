/**
 * Detectors for numbers that identify a person: phone numbers (libphonenumber), IBANs
 * (mod-97), payment cards (Luhn and issuer prefixes), IP addresses and German tax ids.
 * Patterns only propose candidates; a candidate failing its check is never flagged.
 * @module
 */
import { isIP } from 'node:net';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { cardNetwork, isValidCardNumber, isValidDeTaxId, isValidIban } from './checksums.js';
import {
  contextScore,
  followsIbanPrefix,
  hasNumberLabel,
  labelledBefore,
  phoneLabel,
} from './context.js';
import { findIpv6Candidates } from './scanners.js';
import type { DetectorSettings, PiiDetector, PiiMatch } from './types.js';

/** Regions tried, in order, for numbers written without a country code. */
export const defaultPhoneRegions: CountryCode[] = ['DE', 'US', 'AT', 'CH', 'GB'];

/** Between digit groups of a phone number: a space, or a slash or dash with optional spaces. */
const group = '(?: ?[/-] ?| )';
/** Not inside a word or number, nor right after "1.", "3-" or "12 " (dates, ranges, groups). */
const numberStart = '(?<![\\p{L}\\p{N}+]|\\p{N}[., /-])';
const numberEnd = '(?!\\p{N}|[.,]\\p{N})';

const phonePattern = new RegExp(
  `${numberStart}(?:` +
    [
      // International: +49, +43, +1 … (or 00 and a country code), an optional "(0)" or
      // bracketed area code, then digit groups.
      `(?:\\+|00)[1-9]\\d{0,2}[ .-]?(?:\\(0\\)[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?` +
        `\\d(?:(?:${group}|[.])?\\d)*`,
      // North American: area code 2xx–9xx (bracketed or not), 3 + 4 digits.
      '(?:1[ .-])?(?:\\([2-9]\\d\\d\\)|[2-9]\\d\\d)[ .-]?\\d{3}[ .-]\\d{4}',
      // National with trunk 0: area code, optionally bracketed, a separator, the rest.
      `(?:\\(0[1-9]\\d{1,4}\\)|0[1-9]\\d{1,4})${group}\\d(?:${group}?\\d)*`,
      // Mobile numbers written without spaces: 015x, 016x, 017x (DE), 07xxx (GB).
      '01[5-7]\\d{7,9}|07\\d{9}',
    ].join('|') +
    `)${numberEnd}`,
  'gu',
);

function isPhoneNumber(candidate: string, validation: DetectorSettings['phoneValidation']) {
  const digitCount = candidate.replace(/\D/g, '').length;
  if (digitCount < 7 || digitCount > 15) return false;
  if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(candidate)) return false;

  const normalised = candidate.replace(/^00/, '+');
  const regions = normalised.startsWith('+') ? [undefined] : defaultPhoneRegions;
  return regions.some((region) => {
    const parsed = parsePhoneNumberFromString(normalised, region);
    if (parsed === undefined) return false;
    return validation === 'valid' ? parsed.isValid() : parsed.isPossible();
  });
}

/** Every match of a global pattern, skipped outright for text without digits. */
function matches(pattern: RegExp, text: string): { start: number; text: string }[] {
  if (!/\d/.test(text)) return [];
  return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, text: match[0] }));
}

/**
 * The candidate cut back to the last space or dash before its 16th digit: no phone number has
 * more digits, so longer prefixes are never tried (a long run of digit groups stays linear).
 */
function withinPhoneDigits(candidate: string): string {
  let digits = 0;
  for (let index = 0; index < candidate.length; index += 1) {
    const code = candidate.charCodeAt(index);
    if (code < 48 || code > 57 || ++digits <= 15) continue;
    const cut = Math.max(candidate.lastIndexOf(' ', index), candidate.lastIndexOf('-', index));
    return cut <= 0 ? '' : candidate.slice(0, cut);
  }
  return candidate;
}

/** The candidate, or its longest accepted prefix ending before a space or dash. */
function acceptedPrefix(candidate: string, accept: (value: string) => boolean) {
  let current = candidate;
  for (;;) {
    if (accept(current)) return current;
    const lastSeparator = Math.max(current.lastIndexOf(' '), current.lastIndexOf('-'));
    if (lastSeparator <= 0) return undefined;
    current = current.slice(0, lastSeparator);
  }
}

/** An extension written after the number: "ext. 12", "x 204", "Durchwahl 214", "DW -31". */
const extension = /,? ?(?:ext\.?|extension|x|Durchwahl|DW\.?|Dw\.?) ?-?\d{1,5}(?!\p{N})/uy;

function extensionLength(text: string, end: number): number {
  extension.lastIndex = end;
  return extension.exec(text)?.[0].length ?? 0;
}

export const phoneDetector: PiiDetector = {
  type: 'PHONE',
  detect: (text, settings) =>
    matches(phonePattern, text).flatMap(({ start, text: candidate }): PiiMatch[] => {
      if (hasNumberLabel(text, start) || followsIbanPrefix(text, start)) return [];
      const accepted = acceptedPrefix(withinPhoneDigits(candidate), (value) =>
        isPhoneNumber(value, settings.phoneValidation),
      );
      if (accepted === undefined) return [];
      const international = /^(?:\+|00)/.test(accepted) ? 0.1 : 0;
      const score = contextScore(text, start, phoneLabel, 0.65 + international, 0.3);
      return [
        {
          type: 'PHONE',
          start,
          end: start + accepted.length + extensionLength(text, start + accepted.length),
          score,
          rule: 'pii.phone.libphonenumber',
        },
      ];
    }),
};

// Upper case as printed, or lower case as pasted; mod-97 keeps words and codes out.
const ibanPattern = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])`,
    String.raw`(?:[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?`,
    String.raw`|[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?)`,
    String.raw`(?![\p{L}\p{N}])`,
  ].join(''),
  'gu',
);
const ibanLabel = /\b(?:iban|konto\w*|bankverbindung|account|überweis\w*|bank)\b/i;

export const ibanDetector: PiiDetector = {
  type: 'IBAN',
  detect: (text) =>
    matches(ibanPattern, text).flatMap(({ start, text: candidate }): PiiMatch[] => {
      const accepted = acceptedPrefix(candidate, isValidIban);
      if (accepted === undefined) return [];
      const score = contextScore(text, start, ibanLabel, 0.9, 0.1);
      return [{ type: 'IBAN', start, end: start + accepted.length, score, rule: 'pii.iban.mod97' }];
    }),
};

const cardPattern = new RegExp(`${numberStart}\\d(?:[ -]?\\d){12,18}${numberEnd}`, 'gu');
const cardLabel = /\b(?:karte\w*|kreditkarte\w*|card|visa|mastercard|amex|cc|kartennummer)\b/i;

export const creditCardDetector: PiiDetector = {
  type: 'CREDIT_CARD',
  detect: (text) =>
    matches(cardPattern, text).flatMap(({ start, text: candidate }): PiiMatch[] => {
      if (hasNumberLabel(text, start) || followsIbanPrefix(text, start)) return [];
      const accepted = acceptedPrefix(candidate, isValidCardNumber);
      if (accepted === undefined) return [];
      const network = cardNetwork(accepted.replace(/[ -]/g, ''));
      const score = contextScore(text, start, cardLabel, 0.85, 0.15);
      const end = start + accepted.length;
      return [
        { type: 'CREDIT_CARD', start, end, score, rule: 'pii.card.luhn', details: { network } },
      ];
    }),
};

const ipv4Pattern = /(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?!\p{N}|\.\p{N})/gu;
const ipLabel = /\b(?:ip|ipv[46]|adresse|address|host|server|client)\b/i;

export const ipAddressDetector: PiiDetector = {
  type: 'IP_ADDRESS',
  detect: (text) => {
    const v4 = matches(ipv4Pattern, text).filter(
      ({ start, text: candidate }) => isIP(candidate) === 4 && !hasNumberLabel(text, start),
    );
    const v6 = text.includes(':')
      ? findIpv6Candidates(text).filter(({ text: candidate }) => isIP(candidate) === 6)
      : [];
    return [...v4, ...v6].map(({ start, text: candidate }) => ({
      type: 'IP_ADDRESS',
      start,
      end: start + candidate.length,
      score: contextScore(text, start, ipLabel, 0.85, 0.15),
      rule: candidate.includes(':') ? 'pii.ip.v6' : 'pii.ip.v4',
    }));
  },
};

const taxIdPattern = new RegExp(
  `${numberStart}[1-9]\\d(?: ?\\d{3} ?\\d{3} ?\\d{3}|\\d{9}|/\\d{3}/\\d{3}/\\d{3})${numberEnd}`,
  'gu',
);
const taxIdLabel = /\b(?:steuer[\s-]?id\w*|idnr|identifikationsnummer|tin|tax\s?id|steuer\w*)\b/i;

export const deTaxIdDetector: PiiDetector = {
  type: 'DE_TAX_ID',
  detect: (text) =>
    matches(taxIdPattern, text).flatMap(({ start, text: candidate }): PiiMatch[] => {
      if (!isValidDeTaxId(candidate)) return [];
      const labelled = labelledBefore(text, start, taxIdLabel);
      if (!labelled && hasNumberLabel(text, start)) return [];
      const score = labelled ? 0.95 : 0.55;
      const end = start + candidate.length;
      return [{ type: 'DE_TAX_ID', start, end, score, rule: 'pii.de-tax-id.iso7064' }];
    }),
};
