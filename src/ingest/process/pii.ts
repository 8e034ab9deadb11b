/**
 * Personal-data detection and masking for ingested text: e-mail addresses, phone numbers,
 * IBANs, payment cards and IP addresses. A thin layer over the guard's detectors
 * (`src/guard/pii/`), keeping ingest's config keys and masking formats.
 * @module
 */
import { detectPersonalData } from '../../guard/pii/detect-personal-data.js';
import { maskPersonalData } from '../../guard/pii/mask-personal-data.js';
import type { PiiFinding } from '../types.js';

export type PiiType = PiiFinding['type'];
export type PiiAction = 'tag' | 'redact' | 'hash' | 'off';

/**
 * Finds personal data of the given types. Offsets are UTF-16 indices into `text`; findings
 * come sorted by position and never overlap (where two candidates overlap, the longer one
 * wins). A finding overlapping an occurrence of an `allow` string is dropped. Phone numbers
 * need only be possible numbers of their country, as ingest always accepted them.
 *
 * @example
 * detectPii('Mail an info@example.de.', ['EMAIL'], []);
 * // [{ type: 'EMAIL', start: 8, end: 23, text: 'info@example.de' }]
 */
export function detectPii(text: string, types: PiiType[], allow: string[]): PiiFinding[] {
  const findings = detectPersonalData(text, { types, allow, phoneValidation: 'possible' });
  return findings.map((finding) => ({
    type: finding.type as PiiType,
    start: finding.start,
    end: finding.end,
    text: finding.text,
  }));
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
  const masked = maskPersonalData(text, findings, action === 'off' ? 'tag' : action);
  const counts: Record<PiiType, number> = {
    EMAIL: 0,
    PHONE: 0,
    IBAN: 0,
    CREDIT_CARD: 0,
    IP_ADDRESS: 0,
  };
  for (const type of Object.keys(counts) as PiiType[]) counts[type] = masked.counts[type] ?? 0;
  return { text: action === 'off' ? text : masked.text, counts };
}
