import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFrom, baselinePathFor, readBaseline, writeBaseline } from './golden-baseline.js';
import type { GoldenOutput, GoldenServices } from './golden-checks.js';
import { loadGoldenSet, type GoldenSet } from './golden-set.js';
import { runGoldenSet } from './run-golden-set.js';

const services: GoldenServices = {
  missingDisclaimer: (text) => (text.includes('Hinweis:') ? undefined : 'Hinweis: ...'),
  unsupportedClaimRate: async (output) => {
    const sentences = output.sentences ?? [];
    const unsupported = sentences.filter((sentence) => sentence.sources.length === 0).length;
    return sentences.length ? unsupported / sentences.length : 0;
  },
  guardVerdict: async (output) => (output.text.includes('Idiot') ? 'block' : 'allow'),
};

const set: GoldenSet = {
  id: 'product-copy',
  version: 1,
  cases: [
    {
      id: 'jacket-de',
      useCase: 'product-description',
      lang: 'de',
      input: { productId: 'BF-1' },
      expect: {
        mustCite: true,
        disclaimer: { category: 'helmets', channel: 'web' },
        mustNotContain: ['revolutionär'],
        minRouge: { references: ['Die Jacke hält warm.'], metric: 'rougeL', min: 0.5 },
        maxUnsupportedClaimRate: 0,
        maxChars: 80,
        noBlockingFindings: true,
      },
    },
  ],
};

const cited = (text: string): GoldenOutput => ({
  text,
  sentences: text
    .split(/(?<=\.)\s+/)
    .filter(Boolean)
    .map((sentence) => ({ text: sentence, sources: ['chunk-1'] })),
});

describe('runGoldenSet', () => {
  it('passes an output that keeps every expectation', async () => {
    const report = await runGoldenSet(set, {
      produce: async () => cited('Die Jacke hält warm. Hinweis: Pflege beachten.'),
      services,
    });
    expect(report.failed).toBe(0);
    expect(report.cases[0]?.checks.map((check) => check.name)).toEqual([
      'mustCite',
      'disclaimer',
      'mustNotContain',
      'minRougeL',
      'maxUnsupportedClaimRate',
      'maxChars',
      'noBlockingFindings',
    ]);
  });

  it('names each broken expectation', async () => {
    const report = await runGoldenSet(set, {
      produce: async () => ({
        text:
          'Revolutionär, du Idiot! Ganz anders als alles andere ' +
          'und viel zu lang für die Grenze.',
        sentences: [{ text: 'Revolutionär, du Idiot!', sources: [] }],
      }),
      services,
    });
    const failed = report.cases[0]?.checks.filter((check) => !check.passed).map((c) => c.name);
    expect(failed).toEqual([
      'mustCite',
      'disclaimer',
      'mustNotContain',
      'minRougeL',
      'maxUnsupportedClaimRate',
      'maxChars',
      'noBlockingFindings',
    ]);
  });

  it('reports a regression only against a baseline of the same set version', async () => {
    const good = await runGoldenSet(set, {
      produce: async () => cited('Die Jacke hält warm. Hinweis: Pflege beachten.'),
      services,
    });
    const baseline = baselineFrom(set, 'offline', good.cases, new Date('2026-12-01'));

    const worse = await runGoldenSet(set, {
      produce: async () => cited('Die Jacke. Hinweis: Pflege beachten.'),
      services,
      baseline,
    });
    expect(worse.baseline).toBe('compared');
    expect(worse.regressions).toContainEqual({
      caseId: 'jacket-de',
      check: 'minRougeL',
      kind: 'newly-failing',
    });

    const otherVersion = await runGoldenSet(
      { ...set, version: 2 },
      { produce: async () => cited('Die Jacke.'), services, baseline },
    );
    expect(otherVersion.baseline).toBe('other-version');
    expect(otherVersion.regressions).toEqual([]);
  });

  it('reports a newly failing check in a case that already had a known failure', async () => {
    // Accepted while the disclaimer was missing; now the text also uses a banned word.
    const accepted = await runGoldenSet(set, {
      produce: async () => cited('Die Jacke hält warm.'),
      services,
    });
    const baseline = baselineFrom(set, 'offline', accepted.cases, new Date('2026-12-01'));
    expect(baseline.cases['jacket-de']?.failedChecks).toEqual(['disclaimer']);

    const worse = await runGoldenSet(set, {
      produce: async () => cited('Die Jacke hält warm. Revolutionär.'),
      services,
      baseline,
    });

    expect(worse.regressions).toContainEqual({
      caseId: 'jacket-de',
      check: 'mustNotContain',
      kind: 'newly-failing',
    });
    const checks = worse.regressions.map((regression) => regression.check);
    expect(checks).not.toContain('disclaimer');
  });

  it('counts a score drop beyond the tolerance as a regression', async () => {
    const loose: GoldenSet = {
      ...set,
      cases: [
        {
          ...set.cases[0]!,
          expect: {
            minRouge: { references: ['a b c d e f g h'], metric: 'rouge1', min: 0.1 },
            maxChars: 100,
          },
        },
      ],
    };
    const first = await runGoldenSet(loose, {
      produce: async () => cited('a b c d e f g h'),
      services,
    });
    const baseline = baselineFrom(loose, 'offline', first.cases, new Date());
    const second = await runGoldenSet(loose, {
      produce: async () => cited('a b c d e f x y   '),
      services,
      baseline,
    });
    expect(second.failed).toBe(0);
    expect(second.regressions.map((regression) => regression.check)).not.toContain('maxChars');
    expect(second.regressions).toEqual([
      { caseId: 'jacket-de', check: 'minRouge1', kind: 'score-drop', before: 1, after: 0.75 },
    ]);
  });
});

describe('golden set files', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'golden-'));

  it('rejects a duplicate case id, naming the key', () => {
    const file = path.join(folder, 'dupe.yaml');
    const twice = `- {id: a, useCase: answer, lang: en, input: {}, expect: {}}\n`;
    writeFileSync(file, `id: dupe\nversion: 1\ncases:\n${twice}${twice}`);
    expect(() => loadGoldenSet(file)).toThrow(/cases\.1\.id: case id "a" appears twice/);
  });

  it('rejects an unknown expectation', () => {
    const file = path.join(folder, 'typo.yaml');
    const line = `- {id: a, useCase: answer, lang: en, input: {}, expect: {mustCyte: true}}\n`;
    writeFileSync(file, `id: typo\nversion: 1\ncases:\n${line}`);
    expect(() => loadGoldenSet(file)).toThrow(/cases\.0\.expect/);
  });

  it('writes and reads a baseline beside the set', () => {
    const file = baselinePathFor(path.join(folder, 'copy.yaml'));
    expect(file.endsWith('copy.baseline.json')).toBe(true);
    const baseline = baselineFrom(set, 'offline', [], new Date('2026-12-03T00:00:00Z'));
    writeBaseline(file, baseline);
    expect(readBaseline(file)).toEqual(baseline);

    writeFileSync(file, JSON.stringify({ set: 'copy', version: 1 }));
    expect(() => readBaseline(file)).toThrow(/not a golden-set baseline \(acceptedAt: /);
  });
});
