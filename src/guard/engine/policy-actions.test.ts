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
});
