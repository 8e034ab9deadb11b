/**
 * The candidate patterns of each personal-data type and the checks a candidate must pass.
 * @module
 */
import type { PiiFinding } from '../types.js';
import { findEmailCandidates, findIpv6Candidates } from './pii-scanners.js';
import type { PiiCandidate } from './pii-scanners.js';
import {
  followsIbanPrefix,
  hasNumberLabel,
  isPlausiblePhone,
  isValidCardNumber,
  isValidIban,
  isValidIp,
} from './pii-checks.js';

export interface PiiDetector {
  type: PiiFinding['type'];
  /** Possible findings, each checked with `accept`. */
  find: (text: string) => PiiCandidate[];
  accept: (candidate: string, text: string, start: number) => boolean;
  /** Whether a failing candidate may be retried without its last space- or dash-separated group. */
  shorten: boolean;
}

/** Every match of a global pattern, skipped outright for text without digits. */
function numberMatches(pattern: RegExp): (text: string) => PiiCandidate[] {
  return (text) => {
    if (!/\d/.test(text)) return [];
    return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, text: match[0] }));
  };
}
/** Between digit groups of a phone number: a space, or a slash or dash with optional spaces. */
const group = '(?: ?[/-] ?| )';
/** Not inside a word or number, nor right after "1.", "3-" or "12 " (dates, ranges, groups). */
const numberStart = '(?<![\\p{L}\\p{N}+]|\\p{N}[., /-])';
const numberEnd = '(?!\\p{N}|[.,]\\p{N})';

const phoneBodies = [
  // International outside North America: +49, +43, +44, +353 … (or 0049, 0043, 0041),
  // an optional "(0)", then the national number.
  `(?:\\+[2-9]\\d{0,2}|00(?:49|43|41))[ -]?(?:\\(0\\)[ -]?)?[1-9](?:${group}?\\d)+`,
  // North American: optional +1, area code 2xx–9xx (bracketed or not), 3 + 4 digits.
  '(?:\\+1[ .-]?)?(?:\\([2-9]\\d\\d\\)|[2-9]\\d\\d)[ .-]?\\d{3}[ .-]\\d{4}',
  // German national: area code with trunk 0, optionally bracketed, a separator, the rest.
  `(?:\\(0[1-9]\\d{1,4}\\)|0[1-9]\\d{1,4})${group}\\d(?:${group}?\\d)*`,
  // German mobile numbers written without spaces: 015x, 016x, 017x.
  '01[5-7]\\d{7,9}',
];

function isValidIpv6(candidate: string): boolean {
  return isValidIp(candidate, 6);
}

/** Every detector; overlapping findings of different detectors are resolved by the caller. */
export const piiDetectors: PiiDetector[] = [
  { type: 'EMAIL', find: findEmailCandidates, accept: () => true, shorten: false },
  ...phoneBodies.map((body): PiiDetector => ({
    type: 'PHONE',
    find: numberMatches(new RegExp(`${numberStart}${body}${numberEnd}`, 'gu')),
    accept: (candidate, text, start) => isPlausiblePhone(candidate) && !hasNumberLabel(text, start),
    shorten: false,
  })),
  {
    type: 'IBAN',
    find: numberMatches(
      /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
    ),
    accept: isValidIban,
    shorten: true,
  },
  {
    type: 'CREDIT_CARD',
    find: numberMatches(new RegExp(`${numberStart}\\d(?:[ -]?\\d){12,18}${numberEnd}`, 'gu')),
    accept: (candidate, text, start) =>
      isValidCardNumber(candidate) &&
      !hasNumberLabel(text, start) &&
      !followsIbanPrefix(text, start),
    shorten: true,
  },
  {
    type: 'IP_ADDRESS',
    find: numberMatches(/(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?!\p{N}|\.\p{N})/gu),
    accept: (candidate, text, start) => isValidIp(candidate, 4) && !hasNumberLabel(text, start),
    shorten: false,
  },
  { type: 'IP_ADDRESS', find: findIpv6Candidates, accept: isValidIpv6, shorten: false },
];
