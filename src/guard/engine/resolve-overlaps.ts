/**
 * Overlap resolution. Personal data spans must not overlap, or masking would cut a masked
 * span in two: an e-mail address wins over the URL inside it, an IBAN over the phone number
 * its digits resemble. Other findings are only de-duplicated (same type, span, rule and
 * subject), since a claim and a brand term in the same words both deserve a reviewer's eye.
 * @module
 */

import { guardActions, personalDataTypes, type GuardFinding } from '../finding.js';

const personalData = new Set<string>(personalDataTypes);

/**
 * The longer span first (the whole e-mail address, not the domain in it, even where the policy
 * allows addresses), then the stricter action, then the surer detector, then the earlier.
 */
function precedence(first: GuardFinding, second: GuardFinding): number {
  return (
    second.end - second.start - (first.end - first.start) ||
    guardActions.indexOf(second.action) - guardActions.indexOf(first.action) ||
    second.score - first.score ||
    first.start - second.start
  );
}

function overlaps(first: GuardFinding, second: GuardFinding): boolean {
  return first.start < second.end && second.start < first.end;
}

/** What makes two non-personal findings the same report. */
function identity(finding: GuardFinding): string {
  const subject = finding.details?.category ?? finding.details?.ruleId ?? '';
  return [finding.type, finding.start, finding.end, finding.rule, String(subject)].join('\u0000');
}

/**
 * Keeps the personal data findings that win against every overlapping one, drops exact
 * duplicates of the others, and returns everything in text order.
 */
export function resolveOverlaps(findings: readonly GuardFinding[]): GuardFinding[] {
  const kept: GuardFinding[] = [];
  const seen = new Set<string>();

  for (const finding of [...findings].sort(precedence)) {
    if (personalData.has(finding.type)) {
      const clash = kept.some((other) => personalData.has(other.type) && overlaps(other, finding));
      if (!clash) kept.push(finding);
      continue;
    }
    const key = identity(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(finding);
  }

  return kept.sort((first, second) => first.start - second.start || first.end - second.end);
}
