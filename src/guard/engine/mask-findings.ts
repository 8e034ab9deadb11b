/**
 * Replaces the spans the policy masks with placeholders, so the text can travel on.
 * @module
 */

import { maskPersonalData, type MaskMode, type MaskOptions } from '../pii/mask-personal-data.js';
import { personalDataTypes, type GuardFinding } from '../finding.js';

export type { MaskMode, MaskOptions } from '../pii/mask-personal-data.js';

const personalData = new Set<string>(personalDataTypes);

/** Whether a finding's span is replaced: masked ones, and personal data flagged or blocked. */
export function isMasked(finding: GuardFinding): boolean {
  if (finding.start === finding.end) return false;
  if (finding.action === 'mask') return true;
  return personalData.has(finding.type) && finding.action !== 'allow';
}

/**
 * The text with every masked span replaced, in the style of `mode` (see `maskPersonalData`;
 * `reversible` needs `options.vault`). Findings must not overlap among the masked ones (the
 * engine's overlap resolution sees to that); a later overlapping one is skipped.
 */
export function maskFindings(
  text: string,
  findings: readonly GuardFinding[],
  mode: MaskMode = 'tag',
  options: MaskOptions = {},
): string {
  return maskPersonalData(text, findings.filter(isMasked), mode, options).text;
}
