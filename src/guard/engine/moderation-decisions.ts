/**
 * Turns a scan into moderation log rows: hashes always, raw text only where it is not
 * personal data.
 * @module
 */

import { sha256 } from '../../core/hash.js';
// prettier-ignore
import type {
  ModerationDecisionInput,
} from '../../store/repositories/moderation-log-repository.js';
import { personalDataTypes, type GuardAction, type GuardFinding } from '../finding.js';
import type { GuardContext } from './detector.js';

/** Where decisions go; `(decisions) => recordModerationDecisions(store, decisions)`. */
export type ModerationSink = (decisions: ModerationDecisionInput[]) => Promise<void>;

const personalData = new Set<string>(personalDataTypes);
const EXCERPT_LIMIT = 500;

/** One row per finding of a scan. */
export function toModerationDecisions(
  text: string,
  scan: { scanId: string; findings: GuardFinding[]; verdict: GuardAction; policyVersion: string },
  context: GuardContext,
): ModerationDecisionInput[] {
  const inputHash = sha256(text);
  return scan.findings.map((finding) => ({
    scanId: scan.scanId,
    direction: context.direction,
    source: context.source,
    findingType: finding.type,
    rule: typeof finding.details?.ruleId === 'string' ? finding.details.ruleId : finding.rule,
    action: finding.action,
    verdict: scan.verdict,
    policyVersion: scan.policyVersion,
    inputHash,
    textHash: sha256(finding.text),
    excerpt: personalData.has(finding.type) ? null : finding.text.slice(0, EXCERPT_LIMIT),
    start: finding.start,
    end: finding.end,
    score: finding.score,
    language: context.lang,
    category: context.category,
    channel: context.channel,
    market: context.market,
  }));
}
