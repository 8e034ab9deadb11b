import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerRules } from '../claims/detect-claims.js';
import { loadPolicy } from '../policy/load-policy.js';
import { builtinDetectors, policyRuleActions } from './builtin-detectors.js';
import { createGuardEngine } from './create-guard-engine.js';
import { defaultRuleActions } from './policy-actions.js';

describe('builtin detectors', () => {
  it('keep the claims ledger actions as engine rule defaults', () => {
    for (const { rule, action } of Object.values(ledgerRules)) {
      expect(defaultRuleActions[rule]).toBe(action);
    }
  });

  it('adds the configured entity model to the personal-data rules', async () => {
    const text = 'Rückfragen gern an Quirin.';
    const entityRecogniser = {
      recognise: async (input: string) => {
        const start = input.indexOf('Quirin');
        return [{ type: 'PERSON' as const, start, end: start + 6, score: 0.9, rule: 'model' }];
      },
    };
    const rulesOnly = createGuardEngine({ detectors: builtinDetectors() });
    const withModel = createGuardEngine({ detectors: builtinDetectors({ entityRecogniser }) });
    const context = { lang: 'de', direction: 'in' } as const;

    expect((await rulesOnly.scanText(text, context)).masked).toBe(text);
    expect((await withModel.scanText(text, context)).masked).toBe('Rückfragen gern an [PERSON].');
  });

  it('check claims, disclaimers and brand terms with a policy, on output only', async () => {
    const policy = await loadPolicy('samples/brand/policy.yaml');
    const withPolicy = createGuardEngine({
      detectors: builtinDetectors({ policy }),
      ruleDefaults: policyRuleActions(policy),
    });
    const without = createGuardEngine({ detectors: builtinDetectors() });
    const text = 'Die BergFink Sonnencreme ist absolut sicher.';
    const context = { lang: 'de', category: 'sun-protection' } as const;

    const copy = await withPolicy.scanText(text, { ...context, direction: 'out' });
    const question = await withPolicy.scanText(text, { ...context, direction: 'in' });
    const noPolicy = await without.scanText(text, { ...context, direction: 'out' });

    expect(new Set(copy.findings.map((finding) => finding.type))).toEqual(
      new Set(['BRAND_TERM', 'CLAIM', 'DISCLAIMER_MISSING']),
    );
    expect(question.findings).toEqual([]);
    expect(noPolicy.findings).toEqual([]);
  });

  it('blocks an approved claim outside its markets and lets it pass inside them', async () => {
    const policy = await loadPolicy('samples/brand/policy.yaml');
    const engine = createGuardEngine({
      detectors: builtinDetectors({ policy, now: new Date('2026-01-15') }),
      ruleDefaults: policyRuleActions(policy),
    });
    const claim =
      'Firnlicht Kids Sonnenmilch LSF 50+ ist für Kinder ab 1 Jahr geeignet und ' +
      'dermatologisch getestet.';

    const home = await engine.scanText(claim, { lang: 'de', direction: 'out', market: 'DE' });
    const abroad = await engine.scanText(claim, { lang: 'de', direction: 'out', market: 'CH' });

    expect(home.verdict).toBe('allow');
    expect(abroad.verdict).toBe('block');
  });

  it('blocks nothing in the sample knowledge base, read as retrieved text or as copy', async () => {
    const policy = await loadPolicy('samples/brand/policy.yaml');
    const engine = createGuardEngine({
      detectors: builtinDetectors({ policy }),
      ruleDefaults: policyRuleActions(policy),
    });
    const folder = 'samples/knowledge';
    const blocked: string[] = [];

    for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.md'))) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const lang = name.endsWith('.de.md') ? 'de' : 'en';
      const retrieved = await engine.scanText(text, { lang, direction: 'in', source: 'retrieved' });
      const copy = await engine.scanText(text, { lang, direction: 'out', source: 'generated' });
      for (const finding of [...retrieved.findings, ...copy.findings]) {
        if (finding.action === 'block' || finding.type === 'TOXICITY') {
          blocked.push(`${name}: ${finding.type} ${finding.rule} "${finding.text}"`);
        }
      }
    }

    expect(blocked).toEqual([]);
  });
});
