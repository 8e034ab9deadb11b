/**
 * Claim detection: stem-based claim rules and banned terms from the brand policy, checked
 * against the approved-claim ledger.
 * @module
 */

import { stricterAction, type GuardFinding, type GuardLanguage } from '../finding.js';
import type { BrandPolicy } from '../policy/policy-schema.js';
import { matchLedger, type LedgerMatch, type LedgerStatus } from './approved-claims.js';
import { findBannedTerms } from './banned-terms.js';
import { compiledRules } from './compile-rules.js';
import { matchRules } from './match-rules.js';
import { stemTokens } from './stem-tokens.js';

export interface DetectClaimsOptions {
  lang: GuardLanguage;
  policy: BrandPolicy;
  /** ISO 3166 market (`DE`, `US`); approved claims outside their markets do not pass. */
  market?: string;
  /** Today, for claim expiry; defaults to the current date. */
  now?: Date;
}

/** `rule` of ledger findings; the six rule categories are in `claimCategories`. */
export const ledgerRules: Record<LedgerStatus, { rule: string; action: GuardFinding['action'] }> = {
  approved: { rule: 'approved_claim', action: 'allow' },
  expired: { rule: 'expired_claim', action: 'block' },
  market_not_approved: { rule: 'unapproved_market', action: 'block' },
  numbers_changed: { rule: 'altered_claim', action: 'flag' },
};

function ledgerFinding(
  text: string,
  start: number,
  end: number,
  match: LedgerMatch,
  policyVersion: BrandPolicy['version'],
): GuardFinding {
  const { rule, action } = ledgerRules[match.status];
  return {
    type: 'CLAIM',
    start,
    end,
    text: text.slice(start, end),
    score: Number(match.similarity.toFixed(3)),
    rule,
    action,
    details: {
      ruleId: match.claim.id,
      status: match.status,
      evidence: match.claim.evidence,
      expires: match.claim.expires,
      markets: match.claim.markets,
      similarity: match.similarity,
      policyVersion,
    },
  };
}

/**
 * Finds claims in `text`: each claim-rule match and banned term is a CLAIM finding whose
 * `rule` is the category and `details.ruleId` the rule; sentences that say an approved
 * claim get an `approved_claim` finding with action `allow` and the evidence, or
 * `expired_claim`, `unapproved_market` or `altered_claim` when they may not pass.
 * @example
 * detectClaims('Garantiert trocken!', { lang: 'de', policy, market: 'DE' });
 */
export function detectClaims(text: string, options: DetectClaimsOptions): GuardFinding[] {
  const { lang, policy } = options;
  const policyVersion = policy.version;
  const tokens = stemTokens(text, lang);
  const ledger = matchLedger(text, tokens, { ...options, now: options.now ?? new Date() });
  const approved = ledger.filter((match) => match.status === 'approved');
  const findings: GuardFinding[] = [];

  for (const match of ledger) {
    const start = tokens[match.first]?.start ?? 0;
    const end = tokens[match.last]?.end ?? start;
    findings.push(ledgerFinding(text, start, end, match, policyVersion));
  }

  const ruleFindings = matchRules(tokens, compiledRules(policy, lang), lang)
    .filter(
      (match) => !approved.some((item) => item.first <= match.first && match.last <= item.last),
    )
    .map((match): GuardFinding => {
      const start = tokens[match.first]?.start ?? 0;
      const end = tokens[match.last]?.end ?? start;
      return {
        type: 'CLAIM',
        start,
        end,
        text: text.slice(start, end),
        score: match.rule.score,
        rule: match.rule.category,
        action: match.rule.action ?? 'flag',
        details: { ruleId: match.rule.id, pattern: match.pattern, policyVersion },
      };
    });

  for (const banned of findBannedTerms(text, policy, lang)) {
    const bannedTerm = { term: banned.term.term, reason: banned.term.reason };
    const suggestion = banned.term.suggestion;
    const overlapping = ruleFindings.find(
      (finding) => finding.start < banned.end && banned.start < finding.end,
    );
    if (overlapping) {
      overlapping.start = Math.min(overlapping.start, banned.start);
      overlapping.end = Math.max(overlapping.end, banned.end);
      overlapping.text = text.slice(overlapping.start, overlapping.end);
      overlapping.action = stricterAction(overlapping.action, 'block');
      overlapping.details = { ...overlapping.details, bannedTerm, suggestion };
      continue;
    }
    findings.push({
      type: 'CLAIM',
      start: banned.start,
      end: banned.end,
      text: text.slice(banned.start, banned.end),
      score: 0.95,
      rule: banned.term.category,
      action: 'block',
      details: { ruleId: `banned-term.${lang}`, bannedTerm, suggestion, policyVersion },
    });
  }

  findings.push(...ruleFindings);
  return findings.sort((left, right) => left.start - right.start || left.end - right.end);
}
