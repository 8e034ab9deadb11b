import { beforeAll, describe, expect, it } from 'vitest';
import { OfflineComposer } from '../models/generators/offline-composer.js';
import { generateText } from './generate-text.js';
import { loadProfiles, type ProfileSet } from './parameter-profile.js';
import { knowledgeFacts } from './test-support/knowledge-facts.js';
import { loadTemplates, type TemplateSet } from './template-set.js';

const facts = [
  ...knowledgeFacts('waterproof-ratings.en.md'),
  ...knowledgeFacts('wassersaeule-erklaert.de.md'),
  ...knowledgeFacts('returns-exchanges.en.md'),
  ...knowledgeFacts('ruecksendung-umtausch.de.md'),
];

let templates: TemplateSet;
let profiles: ProfileSet;
beforeAll(async () => {
  templates = await loadTemplates();
  profiles = await loadProfiles();
});

async function answer(language: 'de' | 'en', question: string) {
  return generateText({
    generator: new OfflineComposer(),
    templates,
    profiles,
    useCase: 'answer',
    input: { language, question },
    retrieved: facts,
  });
}

describe('offline answers over the sample knowledge base', () => {
  it.each([
    ['en', 'What does the hydrostatic head of a fabric tell me?', 'waterproof-ratings.en.md'],
    ['de', 'Was beschreibt die Wassersäule eines Stoffs?', 'wassersaeule-erklaert.de.md'],
  ] as const)(
    'answers in %s from the right article, citing every sentence',
    async (language, question, file) => {
      const result = await answer(language, question);

      expect(result.sentences?.length).toBeGreaterThan(0);
      for (const sentence of result.sentences ?? []) {
        expect(sentence.citations).toHaveLength(1);
        expect(sentence.citations[0]?.id.startsWith(`${file}#`)).toBe(true);
        const cited = facts.find((fact) => fact.id === sentence.citations[0]?.id);
        expect(cited?.text.replace(/\s+/g, ' ')).toContain(sentence.text);
      }
      expect(result.text.length).toBeLessThanOrEqual(700);
      expect(result.template).toEqual({ id: 'answer', version: 1 });
    },
  );

  it('says it found nothing rather than answering off-topic', async () => {
    const result = await answer('en', 'Which avalanche transceiver fits a child?');

    expect(result.text).toBe(
      'I could not find an answer to this in our documents. Please contact our service team.',
    );
    expect(result.sentences).toEqual([{ text: result.text, citations: [] }]);
  });
});
