/**
 * Turns a scan into moderation log rows: hashes always, raw text only where it is not
 * personal data. Excerpts of other findings (a claim, an unsupported sentence) have the
 * personal data inside them replaced by its type.
 * @module
 */

import { createHmac } from 'node:crypto';
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

/**
 * One row per finding of a scan. With `salt` (`guard.pii.hashSalt`) the hash of a personal-data
 * finding is an HMAC, so short values such as phone numbers cannot be found by hashing guesses.
 */
export function toModerationDecisions(
  text: string,
  scan: { scanId: string; findings: GuardFinding[]; verdict: GuardAction; policyVersion: string },
  context: GuardContext,
  options: { salt?: string | undefined } = {},
): ModerationDecisionInput[] {
  const inputHash = sha256(text);
  const personal = scan.findings.filter((finding) => personalData.has(finding.type));
  const hashOf = (value: string) =>
    options.salt === undefined ? sha256(value) : hmac(options.salt, value);
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
    textHash: personalData.has(finding.type) ? hashOf(finding.text) : sha256(finding.text),
    excerpt: personalData.has(finding.type) ? null : excerptOf(text, finding, personal),
    start: finding.start,
    end: finding.end,
    score: finding.score,
    language: context.lang,
    category: context.category,
    channel: context.channel,
    market: context.market,
  }));
}

function hmac(salt: string, value: string): string {
  return createHmac('sha256', salt).update(value).digest('hex');
}

/** The finding's text with every personal-data span inside it replaced by `[TYPE]`. */
function excerptOf(text: string, finding: GuardFinding, personal: GuardFinding[]): string {
  const inside = personal.filter((item) => item.start < finding.end && finding.start < item.end);
  if (finding.start === finding.end || inside.length === 0) {
    return finding.text.slice(0, EXCERPT_LIMIT);
  }
  let excerpt = '';
  let cursor = finding.start;
  for (const item of inside) {
    const from = Math.max(item.start, finding.start);
    if (from < cursor) continue;
    excerpt += `${text.slice(cursor, from)}[${item.type}]`;
    cursor = Math.min(item.end, finding.end);
  }
  return (excerpt + text.slice(cursor, finding.end)).slice(0, EXCERPT_LIMIT);
}
