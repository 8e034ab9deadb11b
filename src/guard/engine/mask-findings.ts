/**
 * Replaces the spans the policy masks with placeholders, so the text can travel on.
 * @module
 */

import { sha256 } from '../../core/hash.js';
import { personalDataTypes, type GuardFinding } from '../finding.js';

/** tag: `[EMAIL]`; redact: `[REDACTED]`; hash: `[EMAIL:1a2b3c4d]` (same value, same hash). */
export type MaskMode = 'tag' | 'redact' | 'hash';

const personalData = new Set<string>(personalDataTypes);

/** Whether a finding's span is replaced: masked ones, and personal data flagged or blocked. */
export function isMasked(finding: GuardFinding): boolean {
  if (finding.start === finding.end) return false;
  if (finding.action === 'mask') return true;
  return personalData.has(finding.type) && finding.action !== 'allow';
}

/**
 * The text with every masked span replaced. Findings must not overlap among the masked ones
 * (the engine's overlap resolution sees to that); a later overlapping one is skipped.
 */
export function maskFindings(
  text: string,
  findings: readonly GuardFinding[],
  mode: MaskMode = 'tag',
): string {
  const masked = findings.filter(isMasked).sort((first, second) => first.start - second.start);
  let result = '';
  let cursor = 0;

  for (const finding of masked) {
    if (finding.start < cursor) continue;
    result += text.slice(cursor, finding.start) + placeholder(finding, mode);
    cursor = finding.end;
  }

  return result + text.slice(cursor);
}

function placeholder(finding: GuardFinding, mode: MaskMode): string {
  if (mode === 'redact') return '[REDACTED]';
  if (mode === 'hash') return `[${finding.type}:${sha256(finding.text).slice(0, 8)}]`;
  return `[${finding.type}]`;
}
