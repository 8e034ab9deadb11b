import { describe, expect, it } from 'vitest';
import { decideAction, parsePolicyActions } from './policy-actions.js';

describe('decideAction', () => {
  const defaults = parsePolicyActions();

  it('has the documented defaults', () => {
    const decide = (type: Parameters<typeof decideAction>[0]['type'], source?: string) =>
      decideAction({ type, rule: 'x' }, source ? { source } : {}, defaults);

    expect(decide('IBAN')).toBe('mask');
    expect(decide('CLAIM')).toBe('flag');
    expect(decide('DISCLAIMER_MISSING')).toBe('flag');
    expect(decide('UNSUPPORTED_CLAIM')).toBe('flag');
    expect(decide('TOXICITY')).toBe('block');
    expect(decide('PROMPT_INJECTION', 'user')).toBe('block');
    expect(decide('PROMPT_INJECTION', 'retrieved')).toBe('flag');
  });

  it('looks up the specific rule id of a claim before its category', () => {
    const actions = parsePolicyActions({
      rules: { absolute_claim: 'block', 'claims.en.guaranteed': 'allow' },
    });
    const claim = { type: 'CLAIM' as const, rule: 'absolute_claim' };

    expect(decideAction(claim, {}, actions)).toBe('block');
    expect(
      decideAction({ ...claim, details: { ruleId: 'claims.en.guaranteed' } }, {}, actions),
    ).toBe('allow');
  });

  it('lets configuration override the built-in default for retrieved text', () => {
    const actions = parsePolicyActions({ types: { PROMPT_INJECTION: 'block' } });

    expect(
      decideAction({ type: 'PROMPT_INJECTION', rule: 'x' }, { source: 'retrieved' }, actions),
    ).toBe('block');
  });
});

describe('decideAction for the claims ledger', () => {
  it('passes approved claims and blocks expired ones even when claims are blocked by type', () => {
    const actions = parsePolicyActions({ types: { CLAIM: 'block' } });
    const decide = (rule: string) => decideAction({ type: 'CLAIM', rule }, {}, actions);

    expect(decide('approved_claim')).toBe('allow');
    expect(decide('expired_claim')).toBe('block');
    expect(decide('absolute_claim')).toBe('block');
  });

  it('lets a configured claim type beat unstated rule actions but not the ledger', () => {
    const actions = parsePolicyActions({ types: { CLAIM: 'block' } });
    const claim = (ruleId: string) => ({
      type: 'CLAIM' as const,
      rule: 'health_claim',
      details: { ruleId },
    });
    const policyRules = { 'de.heal': 'allow' as const };

    expect(decideAction(claim('en.cure'), {}, actions, policyRules, 'flag')).toBe('block');
    expect(decideAction(claim('de.heal'), {}, actions, policyRules, 'flag')).toBe('allow');
    expect(decideAction(claim('approved_claim'), {}, actions, policyRules)).toBe('allow');
  });

  it("takes a grading detector's proposal before the type default", () => {
    const banned = { type: 'CLAIM' as const, rule: 'absolute_claim' };

    const defaults = parsePolicyActions();
    expect(decideAction(banned, {}, defaults, {}, 'block')).toBe('block');
    expect(decideAction(banned, {}, defaults)).toBe('flag');
    const relaxed = parsePolicyActions({ types: { CLAIM: 'flag' } });
    expect(decideAction(banned, {}, relaxed, {}, 'block')).toBe('flag');
  });
});
