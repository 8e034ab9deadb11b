/**
 * Basic personal-data detection and masking for ingested text: e-mail addresses, phone
 * numbers, IBANs, payment cards and IP addresses. Patterns find candidates; checksums and
 * shape checks keep only plausible ones.
 * @module
 */
import { sha256 } from '../../core/hash.js';
import type { PiiFinding } from '../types.js';
import { piiDetectors } from './pii-patterns.js';
import type { PiiDetector } from './pii-patterns.js';

export type PiiType = PiiFinding['type'];
export type PiiAction = 'tag' | 'redact' | 'hash' | 'off';

/**
 * Finds personal data of the given types. Offsets are UTF-16 indices into `text`; findings
 * come sorted by position and never overlap (where two candidates overlap, the longer one
 * wins). A finding overlapping an occurrence of an `allow` string is dropped.
 *
 * @example
 * detectPii('Mail an info@example.de.', ['EMAIL'], []);
 * // [{ type: 'EMAIL', start: 8, end: 23, text: 'info@example.de' }]
 */
export function detectPii(text: string, types: PiiType[], allow: string[]): PiiFinding[] {
  const wanted = new Set(types);
  const candidates: PiiFinding[] = [];

  for (const detector of piiDetectors) {
    if (!wanted.has(detector.type)) continue;
    for (const { start, text: candidate } of detector.find(text)) {
      const accepted = acceptedPrefix(detector, candidate, text, start);
      if (accepted === undefined) continue;
      candidates.push({ type: detector.type, start, end: start + accepted.length, text: accepted });
    }
  }

  const allowed = allowedRanges(text, allow);
  return withoutOverlaps(
    candidates.filter(
      (finding) => !allowed.some(([start, end]) => finding.start < end && start < finding.end),
    ),
  );
}

/** The candidate, or for shortenable types its longest accepted prefix ending at a group. */
function acceptedPrefix(
  detector: PiiDetector,
  candidate: string,
  text: string,
  start: number,
): string | undefined {
  let current = candidate;
  for (;;) {
    if (detector.accept(current, text, start)) return current;
    const lastSeparator = Math.max(current.lastIndexOf(' '), current.lastIndexOf('-'));
    if (!detector.shorten || lastSeparator <= 0) return undefined;
    current = current.slice(0, lastSeparator);
  }
}

function allowedRanges(text: string, allow: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const value of allow) {
    if (value === '') continue;
    for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + 1)) {
      ranges.push([index, index + value.length]);
    }
  }
  return ranges;
}

/** Longest first, then earliest; keeps each finding that does not overlap a kept one. */
function withoutOverlaps(candidates: PiiFinding[]): PiiFinding[] {
  const byLength = [...candidates].sort(
    (first, second) =>
      second.end - second.start - (first.end - first.start) || first.start - second.start,
  );
  const kept: PiiFinding[] = [];
  for (const candidate of byLength) {
    if (kept.every((other) => candidate.end <= other.start || other.end <= candidate.start)) {
      kept.push(candidate);
    }
  }
  return kept.sort((first, second) => first.start - second.start);
}

/**
 * Replaces findings in `text`: `tag` → "[EMAIL]", `redact` → "[REDACTED]", `hash` →
 * "[EMAIL:1a2b3c4d]" (first 8 hex digits of the value's SHA-256, so the same value gets the
 * same tag and joins survive masking), `off` → text unchanged. `counts` has the number of
 * findings of each type in either case. Overlapping findings after the first are skipped.
 */
export function maskPii(
  text: string,
  findings: PiiFinding[],
  action: PiiAction,
): { text: string; counts: Record<PiiType, number> } {
  const counts: Record<PiiType, number> = {
    EMAIL: 0,
    PHONE: 0,
    IBAN: 0,
    CREDIT_CARD: 0,
    IP_ADDRESS: 0,
  };
  const parts: string[] = [];
  let position = 0;

  for (const finding of [...findings].sort((first, second) => first.start - second.start)) {
    if (finding.start < position) continue;
    counts[finding.type]++;
    parts.push(text.slice(position, finding.start), replacement(finding, text, action));
    position = finding.end;
  }

  parts.push(text.slice(position));
  return { text: action === 'off' ? text : parts.join(''), counts };
}

function replacement(finding: PiiFinding, text: string, action: PiiAction): string {
  const value = text.slice(finding.start, finding.end);
  switch (action) {
    case 'tag':
      return `[${finding.type}]`;
    case 'redact':
      return '[REDACTED]';
    case 'hash':
      return `[${finding.type}:${sha256(value).slice(0, 8)}]`;
    case 'off':
      return value;
  }
}
