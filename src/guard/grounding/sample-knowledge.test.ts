import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGrounding } from './check-grounding.js';
import { factualSentences, type FactualSentence } from './factual-sentences.js';

/** Every factual sentence of the sample knowledge base, with its document. */
const folder = path.resolve('samples/knowledge');
const documents = readdirSync(folder)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const text = readFileSync(path.join(folder, name), 'utf8');
    const lang = name.endsWith('.de.md') ? ('de' as const) : ('en' as const);
    return { name, lang, text, sentences: factualSentences(text, lang) };
  });

/** The sentence with its first number fact raised by one ("50 metres" becomes "51 metres"). */
function changeFirstNumber(sentence: FactualSentence): string | undefined {
  const fact = sentence.facts.find((candidate) => candidate.kind === 'number');
  if (!fact || fact.kind !== 'number' || !Number.isInteger(fact.value)) return undefined;
  const digits = /\d+/.exec(fact.text);
  if (!digits || Number(digits[0]) !== fact.value) return undefined;
  const factText = fact.text.replace(digits[0], String(fact.value + 1));
  return sentence.text.replace(fact.text, factText);
}

describe('grounding on the sample knowledge base', () => {
  it('supports every factual sentence against its own document', async () => {
    let unsupported = 0;
    let total = 0;
    for (const document of documents) {
      const output = document.sentences.map((sentence) => sentence.text).join('\n');
      const report = await checkGrounding(output, {
        lang: document.lang,
        sources: [{ id: document.name, text: document.text }],
      });
      unsupported += report.unsupported;
      total += report.factualSentences;
    }
    expect(total).toBeGreaterThan(150);
    expect(unsupported / total).toBeLessThan(0.01);
  });

  it('flags at least 95 % of sentences whose first number was changed by one', async () => {
    let flagged = 0;
    let total = 0;
    for (const document of documents) {
      for (const sentence of document.sentences) {
        const changed = changeFirstNumber(sentence);
        if (!changed) continue;
        const report = await checkGrounding(changed, {
          lang: document.lang,
          sources: [{ id: document.name, text: document.text }],
        });
        total += 1;
        flagged += report.unsupported > 0 ? 1 : 0;
      }
    }
    // Misses are table rows and ranges ("1–2 working days") whose new number is in the row.
    expect(total).toBeGreaterThan(100);
    expect(flagged / total).toBeGreaterThan(0.95);
  });

  it('flags at least 95 % of sentences checked against an unrelated document', async () => {
    let flagged = 0;
    let total = 0;
    for (const [index, document] of documents.entries()) {
      const other = documents[(index + 7) % documents.length]!;
      const output = document.sentences
        .slice(0, 5)
        .map((sentence) => sentence.text)
        .join('\n');
      const report = await checkGrounding(output, {
        lang: document.lang,
        sources: [{ id: other.name, text: other.text }],
      });
      flagged += report.unsupported;
      total += report.factualSentences;
    }
    expect(total).toBeGreaterThan(150);
    expect(flagged / total).toBeGreaterThan(0.95);
  });
});
