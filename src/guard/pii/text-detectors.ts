/**
 * Detectors for e-mail addresses, URLs and dates of birth.
 * @module
 */
import { contextScore, labelledBefore } from './context.js';
import { windowedMatches } from './windowed-matches.js';
import { findEmailCandidates } from './scanners.js';
import type { PiiDetector, PiiMatch } from './types.js';

const emailLabel = /\b(?:e-?mail|mail|kontakt|contact|schreib\w*|write|an|to)\b/i;

export const emailDetector: PiiDetector = {
  type: 'EMAIL',
  detect: (text) =>
    findEmailCandidates(text).map(({ start, text: candidate }) => ({
      type: 'EMAIL',
      start,
      end: start + candidate.length,
      score: contextScore(text, start, emailLabel, 0.9, 0.1),
      rule: 'pii.email.address',
    })),
};

const urlPattern = /(?<![\p{L}\p{N}@.])(?:https?:\/\/|www\.)[^\s<>"'`\])}]+/giu;

export const urlDetector: PiiDetector = {
  type: 'URL',
  detect: (text) => {
    if (!text.includes('http') && !text.includes('www.')) return [];
    return Array.from(text.matchAll(urlPattern), (match): PiiMatch => {
      const url = match[0].replace(/[.,;:!?]+$/, '');
      const personal = /[?&](?:email|mail|name|user|token|id)=|\/(?:u|user|profile)\//i.test(url);
      return {
        type: 'URL',
        start: match.index,
        end: match.index + url.length,
        score: personal ? 0.85 : 0.5,
        rule: 'pii.url.web',
      };
    });
  },
};

const monthsDe =
  'Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  'Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez';
const monthsEn =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const datePattern = new RegExp(
  '(?<![\\p{L}\\p{N}.])(?:' +
    [
      '(?:0?[1-9]|[12]\\d|3[01])\\. ?(?:0?[1-9]|1[0-2])\\. ?(?:19|20)?\\d\\d',
      `(?:0?[1-9]|[12]\\d|3[01])\\. ?(?:${monthsDe})\\.? (?:19|20)\\d\\d`,
      '(?:19|20)\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])',
      '(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])/(?:19|20)?\\d\\d',
      `(?:${monthsEn})\\.? (?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,? (?:19|20)\\d\\d`,
      `(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)? (?:of )?(?:${monthsEn})\\.?,? (?:19|20)\\d\\d`,
    ].join('|') +
    ')(?![\\p{N}])',
  'gu',
);
const birthBefore = new RegExp(
  [
    String.raw`(?:\bgeboren\b|\bgeb\.|geburtsdatum|geburtstag|\bgeb\.-datum|\bborn\b|\bdob\b`,
    String.raw`|d\.o\.b\.|date of birth|birth ?date|birthday)[^.!?\n]{0,30}$`,
    String.raw`|(?:\bgeboren\b|\bgeb\.|\bborn\b|\bdob\b)\s*(?:am|on)?\s*$`,
  ].join(''),
  'i',
);
const birthAfter = /^[^.!?\n]{0,12}\bgeboren\b/i;
/** Cheap anchor for the date search: any birth keyword. */
const birthKeyword = /geboren|geb\.|geburts|born|dob|d\.o\.b|birth/gi;

export const dateOfBirthDetector: PiiDetector = {
  type: 'DATE_OF_BIRTH',
  detect: (text) => {
    if (!/\d/.test(text)) return [];
    return windowedMatches(text, birthKeyword, datePattern, 40, 64).flatMap((match): PiiMatch[] => {
      const start = match.start;
      const end = start + match.text.length;
      const before = labelledBefore(text, start, birthBefore, 48);
      if (!before && !birthAfter.test(text.slice(end, end + 24))) return [];
      return [{ type: 'DATE_OF_BIRTH', start, end, score: 0.9, rule: 'pii.date-of-birth.context' }];
    });
  },
};
