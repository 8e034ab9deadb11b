import { describe, expect, it } from 'vitest';

import { parsePolicy } from '../policy/load-policy.js';
import { samplePolicy } from '../policy/test-support/sample-policy.js';
import { detectClaims } from './detect-claims.js';

const now = new Date('2026-12-03T12:00:00Z');

function rulesOf(text: string, lang: 'en' | 'de') {
  return samplePolicy().then((policy) =>
    detectClaims(text, { lang, policy, now, market: 'DE' }).map((finding) => [
      finding.rule,
      finding.text,
    ]),
  );
}

describe('detectClaims', () => {
  it('matches a guarantee rule on stems in every inflection, German and English', async () => {
    const policy = parsePolicy({
      version: 7,
      claim_rules: [
        { id: 'de.g', category: 'guaranteed_result', lang: 'de', patterns: ['garantie'] },
        { id: 'en.g', category: 'guaranteed_result', lang: 'en', patterns: ['guarantee'] },
      ],
    });
    const german = detectClaims('Garantiert trocken, wir garantieren es. GARANTIE!', {
      lang: 'de',
      policy,
    });
    const english = detectClaims('Guaranteed dry: it guarantees comfort.', { lang: 'en', policy });

    expect(german.map((finding) => finding.text)).toEqual([
      'Garantiert',
      'garantieren',
      'GARANTIE',
    ]);
    expect(english.map((finding) => finding.text)).toEqual(['Guaranteed', 'guarantees']);
    expect(german[0]).toMatchObject({
      type: 'CLAIM',
      start: 0,
      end: 10,
      rule: 'guaranteed_result',
      action: 'flag',
      details: { ruleId: 'de.g', policyVersion: 7 },
    });
  });

  it('lets a gap of up to N words sit between pattern words, within one sentence', async () => {
    const policy = parsePolicy({
      version: 1,
      claim_rules: [
        { id: 'h', category: 'health_claim', lang: 'en', patterns: ['prevent ~2 sunburn'] },
      ],
    });
    const found = (text: string) => detectClaims(text, { lang: 'en', policy }).length;

    expect(found('It prevents painful sunburn.')).toBe(1);
    expect(found('It prevents really bad sunburns.')).toBe(1);
    expect(found('It prevents a lot of bad sunburn.')).toBe(0);
    expect(found('It prevents blisters. Sunburn is another story.')).toBe(0);
  });

  it('finds the sample rules for each category and merges banned terms into them', async () => {
    expect(
      await rulesOf(
        'The best jacket in the world, 100% waterproof, eco-friendly, lighter than any other.',
        'en',
      ),
    ).toEqual([
      ['absolute_claim', 'best jacket in the world'],
      ['absolute_claim', '100% waterproof'],
      ['greenwashing', 'eco-friendly'],
      ['comparative_claim', 'lighter than any'],
    ]);
    const german = await rulesOf('Die Jacke ist garantiert wasserdicht und heilt Blasen.', 'de');
    expect(german).toEqual([
      ['guaranteed_result', 'garantiert wasserdicht'],
      ['health_claim', 'heilt'],
    ]);
  });

  it('reports banned terms with their category and suggestion', async () => {
    const policy = await samplePolicy();
    const [finding] = detectClaims('Ein Wundermittel gegen Mücken.', { lang: 'de', policy, now });

    expect(finding).toMatchObject({
      rule: 'health_claim',
      text: 'Wundermittel',
      action: 'block',
      details: { bannedTerm: { term: 'Wundermittel', reason: 'Heilversprechen' } },
    });
  });

  it('matches banned terms with symbols literally, "100 %" also as "100%"', () => {
    const policy = parsePolicy({
      version: 1,
      banned_terms: { en: [{ term: '100 % (UV) safe' }, { term: 'C++ grade' }] },
    });
    const texts = (text: string) =>
      detectClaims(text, { lang: 'en', policy, now }).map((finding) => finding.text);

    expect(texts('It is 100% (UV) safe.')).toEqual(['100% (UV) safe']);
    expect(texts('It is 100 %  (UV) safe and C++ grade.')).toEqual([
      '100 %  (UV) safe',
      'C++ grade',
    ]);
    expect(texts('It is 100 (UV) safe.')).toEqual([]);
  });

  it('does not read negated promises or warranty wording as claims', async () => {
    expect(
      await rulesOf(
        'Notfallausrüstung verhindert keine Lawinen und garantiert keine Rettung.',
        'de',
      ),
    ).toEqual([]);
    expect(await rulesOf('Du bekommst 2 Jahre Garantie auf jede Jacke.', 'de')).toEqual([]);
    expect(await rulesOf('Our PFAS-free jacket ships with free returns.', 'en')).toEqual([]);
    expect(await rulesOf('A transceiver does not guarantee rescue.', 'en')).toEqual([]);
  });

  it('finds superlatives, "100 % of", price offers and "twice as"', async () => {
    expect(
      await rulesOf(
        'The softest sock on the market. It repels 100% of ticks. Buy one, get one free! ' +
          'Twice as warm as down.',
        'en',
      ),
    ).toEqual([
      ['absolute_claim', 'softest sock on the market'],
      ['absolute_claim', '100% of'],
      ['misleading_free', 'Buy one, get one free'],
      ['comparative_claim', 'Twice as warm as'],
    ]);
    expect(
      await rulesOf('Der leichteste Rucksack aller Zeiten. Zwei zum Preis von einem.', 'de'),
    ).toEqual([
      ['absolute_claim', 'leichteste Rucksack aller Zeiten'],
      ['misleading_free', 'zum Preis von einem'],
    ]);
  });

  it('leaves quantity comparisons, own-range superlatives and material shares alone', async () => {
    expect(await rulesOf('SPF 30 blocks twice as much UVB as SPF 15.', 'en')).toEqual([]);
    expect(await rulesOf('The lightest shell we have ever made.', 'en')).toEqual([]);
    expect(await rulesOf('Das Fleece besteht zu 100 % aus Wolle.', 'de')).toEqual([]);
  });
});

describe('approved-claim ledger', () => {
  it('lets an approved, current claim pass with its evidence', async () => {
    const policy = await samplePolicy();
    const text =
      'Die Sturmgrat BergfinkDry 3L Jacke hat eine Wassersäule von 28.000 mm ' +
      'und einen RET-Wert von 6.';
    const findings = detectClaims(text, { lang: 'de', policy, now, market: 'AT' });

    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'approved_claim',
      action: 'allow',
      details: { ruleId: 'CLM-JKT-001', evidence: 'Test report HTI-24-00871', status: 'approved' },
    });
  });

  it('suppresses rule matches inside an approved sentence but not outside it', async () => {
    const policy = await samplePolicy();
    const findings = detectClaims('We only use RDS-certified down. Best jacket in the world!', {
      lang: 'en',
      policy,
      now: new Date('2026-01-10'),
      market: 'US',
    });

    expect(findings.map((finding) => [finding.rule, finding.action])).toEqual([
      ['approved_claim', 'allow'],
      ['absolute_claim', 'flag'],
    ]);
  });

  it('does not pass an expired claim and says it expired', async () => {
    const policy = await samplePolicy();
    const [finding] = detectClaims(
      'Mückenwehr Icaridin 20% Spray protects against mosquitoes for up to 8 hours.',
      { lang: 'en', policy, now, market: 'DE' },
    );

    expect(finding).toMatchObject({
      rule: 'expired_claim',
      action: 'block',
      details: { ruleId: 'CLM-INS-001', status: 'expired', expires: '2025-04-30' },
    });
  });

  it('blocks a claim outside its markets and flags one whose numbers were changed', async () => {
    const policy = await samplePolicy();
    const market = detectClaims('Wir verwenden ausschließlich RDS-zertifizierte Daune.', {
      lang: 'de',
      policy,
      now: new Date('2026-01-10'),
      market: 'FR',
    });
    const changed = detectClaims(
      'Mückenwehr Spray Icaridin 20 % schützt bis zu 12 Stunden vor Zecken.',
      { lang: 'de', policy, now: new Date('2026-01-10') },
    );

    expect(market[0]).toMatchObject({ rule: 'unapproved_market', action: 'block' });
    expect(changed[0]).toMatchObject({
      rule: 'altered_claim',
      details: { ruleId: 'CLM-INS-002', status: 'numbers_changed' },
    });
  });
});
