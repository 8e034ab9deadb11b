/**
 * Personal-data detection for the guard: every rule-based detector, allow-lists, and one
 * non-overlapping list of findings with UTF-16 offsets into the exact input.
 * @module
 */
import type { GuardAction, GuardFinding, GuardLanguage, PersonalDataType } from '../finding.js';
import { personalDataTypes } from '../finding.js';
import { addressDetector } from './address-detector.js';
import { compileAllowList } from './allow-list.js';
import type { AllowList } from './allow-list.js';
import {
  creditCardDetector,
  deTaxIdDetector,
  ibanDetector,
  ipAddressDetector,
  phoneDetector,
} from './number-detectors.js';
import { personDetector } from './person-detector.js';
import { dateOfBirthDetector, emailDetector, urlDetector } from './text-detectors.js';
import type { DetectorSettings, PiiDetector, PiiMatch } from './types.js';

/** Every rule-based detector, one per personal-data type. */
export const piiDetectors: readonly PiiDetector[] = [
  emailDetector,
  phoneDetector,
  ibanDetector,
  creditCardDetector,
  personDetector,
  addressDetector,
  ipAddressDetector,
  dateOfBirthDetector,
  deTaxIdDetector,
  urlDetector,
];

export interface DetectPersonalDataOptions {
  /**
   * Language of the text. Informational: German and English rules both run on every text,
   * since support mail mixes them ("Hi, meine IBAN ist ...").
   */
  lang?: GuardLanguage;
  /** Types to look for. Default: every personal-data type. */
  types?: readonly PersonalDataType[];
  /** Exact strings (a plain array) or exact strings and brand words never flagged. */
  allow?: readonly string[] | AllowList;
  /** Findings scoring below this are dropped. Default 0. */
  minScore?: number;
  /** Action written into each finding; the policy engine may change it. Default `mask`. */
  action?: GuardAction;
  /** How strictly phone numbers are checked; see {@link DetectorSettings}. Default `valid`. */
  phoneValidation?: DetectorSettings['phoneValidation'];
  /** Extra matches, such as a model's PERSON entities, merged before overlaps are resolved. */
  extraMatches?: readonly PiiMatch[];
}

/**
 * Finds personal data. Findings come sorted by position and never overlap: where two
 * candidates overlap, the longer wins, then the higher score. Candidates failing a checksum
 * (IBAN, card, tax id) or phone validation are never returned.
 *
 * @example
 * detectPersonalData('Tel. 030 1234567', { lang: 'de', types: ['PHONE'] });
 * // [{ type: 'PHONE', start: 5, end: 16, text: '030 1234567', score: 0.95, ... }]
 */
export function detectPersonalData(
  text: string,
  options: DetectPersonalDataOptions = {},
): GuardFinding[] {
  const wanted = new Set(options.types ?? personalDataTypes);
  const settings: DetectorSettings = {
    phoneValidation: options.phoneValidation ?? 'valid',
  };
  const minScore = options.minScore ?? 0;

  const candidates: PiiMatch[] = [];
  for (const detector of piiDetectors) {
    if (wanted.has(detector.type)) candidates.push(...detector.detect(text, settings));
  }
  candidates.push(...(options.extraMatches ?? []).filter((match) => wanted.has(match.type)));

  const allowList = compileAllowList(text, options.allow);
  const kept = withoutOverlaps(
    candidates.filter((match) => match.score >= minScore && !allowList.allows(match)),
  );
  return kept.map((match) => ({
    type: match.type,
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    score: Math.round(match.score * 100) / 100,
    rule: match.rule,
    action: options.action ?? 'mask',
    ...(match.details === undefined ? {} : { details: match.details }),
  }));
}

/** Longest first, then higher score, then earliest; keeps each match overlapping none kept. */
function withoutOverlaps(candidates: PiiMatch[]): PiiMatch[] {
  const ranked = [...candidates].sort(
    (first, second) =>
      second.end - second.start - (first.end - first.start) ||
      second.score - first.score ||
      first.start - second.start,
  );
  // One flag per UTF-16 unit already taken: linear in the candidates' lengths.
  const taken = new Uint8Array(ranked.reduce((max, match) => Math.max(max, match.end), 0));
  const kept: PiiMatch[] = [];
  for (const candidate of ranked) {
    if (taken.subarray(candidate.start, candidate.end).includes(1)) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((first, second) => first.start - second.start);
}
