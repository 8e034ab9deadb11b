import { beforeAll, describe, expect, it } from 'vitest';
import { OfflineComposer } from '../models/generators/offline-composer.js';
import { composeRequest } from './compose-request.js';
import type { GenerationInput, RetrievedFact } from './generation-input.js';
import { loadProfiles, profileFor, type ProfileSet } from './parameter-profile.js';
import { knowledgeFacts } from './test-support/knowledge-facts.js';
import { sampleProducts } from './test-support/sample-feed.js';
import { loadTemplates, type TemplateSet } from './template-set.js';

const productUseCases = ['product-description', 'meta-description', 'email-subject', 'ad-headline'];
const languages = ['de', 'en'] as const;
const products = sampleProducts();
/** Knowledge that overlaps many products, so retrieved sentences compete with feed text. */
const facts: RetrievedFact[] = [
  ...knowledgeFacts('waterproof-ratings.en.md'),
  ...knowledgeFacts('wassersaeule-erklaert.de.md'),
  ...knowledgeFacts('spf-explained.en.md'),
  ...knowledgeFacts('lichtschutzfaktor-erklaert.de.md'),
];

let templates: TemplateSet;
let profiles: ProfileSet;
beforeAll(async () => {
  templates = await loadTemplates();
  profiles = await loadProfiles();
});

/** Every whole word of the sources and of the template's fixed phrasing. */
function wordsOf(...texts: string[]): Set<string> {
  return new Set(
    texts
      .join(' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

describe('offline composer on every product of the sample feed', () => {
  it('has a sample feed with both languages', () => {
    expect(products.length).toBeGreaterThan(100);
  });

  for (const useCase of productUseCases) {
    it(`${useCase}: fits each channel, cuts no word, cites every sentence`, async () => {
      const composer = new OfflineComposer();
      const template = templates.get(useCase);
      const profile = profileFor(profiles, useCase);
      const phrasing = Object.values(template.offline.lead).flat().join(' ');

      for (const product of products) {
        const known = wordsOf(
          phrasing,
          ...Object.values(product.fields).map(String),
          ...facts.map((f) => f.text),
        );
        for (const language of languages) {
          for (const [channel, { maxCharacters }] of Object.entries(template.channels)) {
            const input: GenerationInput = { language, channel, product };
            const result = await composer.generate(
              composeRequest(useCase, input, facts, template, profile),
            );
            const where = `${product.id} ${language} ${channel}`;

            expect(result.text.length, where).toBeGreaterThan(0);
            expect(result.text.length, where).toBeLessThanOrEqual(maxCharacters);
            for (const word of wordsOf(result.text))
              expect(known.has(word), `${where}: ${word}`).toBe(true);
            for (const sentence of result.sentences ?? []) {
              expect(sentence.citations.length, `${where}: ${sentence.text}`).toBeGreaterThan(0);
              for (const citation of sentence.citations) {
                const ids =
                  citation.source === 'feed' ? [product.id] : facts.map((fact) => fact.id);
                expect(ids, where).toContain(citation.id);
              }
            }
            expect(result.sentences?.map((s) => s.text).join(' ')).toBe(result.text);
            expect(result.template).toEqual({ id: template.id, version: template.version });
          }
        }
      }
    });
  }

  it('writes German from German fields and English from English fields', async () => {
    const composer = new OfflineComposer();
    const product = products.find((p) => p.id === 'BF-SUN-110-50ML');
    if (!product) throw new Error('sample product missing');
    const template = templates.get('product-description');
    const profile = profileFor(profiles, 'product-description');
    const de = await composer.generate(
      composeRequest('product-description', { language: 'de', product }, facts, template, profile),
    );
    const en = await composer.generate(
      composeRequest('product-description', { language: 'en', product }, facts, template, profile),
    );

    expect(de.text).toMatch(/^Firnlicht Sonnencreme LSF 50: LSF 50/);
    expect(en.text).toMatch(/^Firnlicht Sunscreen SPF 50: SPF 50/);
    const deFields = de.sentences?.flatMap((s) => s.citations.map((c) => c.field ?? c.id)) ?? [];
    expect(deFields.filter((field) => field.endsWith('_en'))).toEqual([]);
    const enFacts = en.sentences
      ?.flatMap((s) => s.citations)
      .filter((c) => c.source === 'retrieved');
    for (const citation of enFacts ?? []) expect(citation.id).toMatch(/\.en\.md#/);
  });

  it('is deterministic: the same input gives the same text and citations', async () => {
    const template = templates.get('meta-description');
    const profile = profileFor(profiles, 'meta-description');
    const sample = products.filter((_, index) => index % 10 === 0);
    const run = async () => {
      const composer = new OfflineComposer();
      const results = [];
      for (const product of sample) {
        const request = composeRequest(
          'meta-description',
          { language: 'en', product },
          facts,
          template,
          profile,
        );
        const result = await composer.generate(request);
        results.push({ ...result, timings: undefined });
      }
      return results;
    };

    expect(await run()).toEqual(await run());
  });
});
