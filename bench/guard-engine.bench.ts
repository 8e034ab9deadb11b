import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bench, describe } from 'vitest';

// Run: npx vitest bench --run bench/guard-engine.bench.ts
import { builtinDetectors, policyRuleActions } from '../src/guard/engine/builtin-detectors.js';
import { createGuardEngine } from '../src/guard/engine/create-guard-engine.js';
import type { GuardDetector } from '../src/guard/engine/detector.js';
import type { GuardFinding } from '../src/guard/finding.js';
import { loadPolicy } from '../src/guard/policy/load-policy.js';

/** The sample knowledge base, one document per text: real en/de marketing and help copy. */
const folder = 'samples/knowledge';
const texts = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({
    lang: name.endsWith('.de.md') ? ('de' as const) : ('en' as const),
    text: readFileSync(path.join(folder, name), 'utf8'),
  }));
const bytes = texts.reduce((sum, entry) => sum + Buffer.byteLength(entry.text), 0);

const policy = await loadPolicy('samples/brand/policy.yaml');
const detectors = builtinDetectors({ policy });
const engine = createGuardEngine({
  detectors,
  ruleDefaults: policyRuleActions(policy),
});
const options = { time: 5000, warmupTime: 1000 };

const title = `guard scan, ${texts.length} documents, ${(bytes / 1024).toFixed(0)} KiB`;
describe(`${title} per iteration`, () => {
  bench(
    'out: every rule-based detector with the brand policy',
    async () => {
      for (const { lang, text } of texts) {
        await engine.scanText(text, { lang, direction: 'out', category: 'sun-protection' });
      }
    },
    options,
  );
  bench(
    'in: personal data, toxicity, injection (user input)',
    async () => {
      for (const { lang, text } of texts) {
        await engine.scanText(text, { lang, direction: 'in', source: 'user' });
      }
    },
    options,
  );
});

describe('guard scan, one detector at a time (same documents)', () => {
  for (const detector of detectors.filter((entry) => entry.name !== 'grounding')) {
    bench(
      detector.name,
      async () => {
        for (const { lang, text } of texts) {
          await detector.detect(text, { lang, direction: 'out', category: 'sun-protection' });
        }
      },
      { time: 2000, warmupTime: 500 },
    );
  }
});

/** The detectors' findings recorded once, so the engine's own work can be timed alone. */
const recorded = new Map<string, GuardFinding[]>();
for (const { lang, text } of texts) {
  const findings: GuardFinding[] = [];
  for (const detector of detectors) {
    const output = await detector.detect(text, {
      lang,
      direction: 'out',
      category: 'sun-protection',
    });
    findings.push(...(Array.isArray(output) ? output : output.findings));
  }
  recorded.set(text, findings);
}
const replay: GuardDetector = {
  name: 'replay',
  types: [],
  detect: (text) => recorded.get(text) ?? [],
};
const engineAlone = createGuardEngine({ detectors: [replay] });
const findingCount = [...recorded.values()].reduce((sum, entry) => sum + entry.length, 0);

describe(`guard engine alone on ${findingCount} replayed findings (same documents)`, () => {
  bench(
    'decide, resolve overlaps, mask',
    async () => {
      for (const { lang, text } of texts)
        await engineAlone.scanText(text, { lang, direction: 'out' });
    },
    { time: 2000, warmupTime: 500 },
  );
});
