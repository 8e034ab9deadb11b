import { describe, expect, it } from 'vitest';
import { citedIds, factualSentences, sentenceSpans } from './factual-sentences.js';

describe('sentenceSpans', () => {
  it('gives offsets into the exact input, also after emoji and line breaks', () => {
    const text = '🏔️ Hallo!  Die Jacke wiegt 450 g.\nZ. B. im Winter. Fertig.';
    for (const span of sentenceSpans(text)) {
      expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(sentenceSpans(text).map((span) => span.text)).toEqual([
      '🏔️ Hallo!',
      'Die Jacke wiegt 450 g.',
      'Z. B. im Winter.',
      'Fertig.',
    ]);
  });
});

describe('factualSentences', () => {
  it('keeps numbers, names and attributes; skips greetings, calls to action, questions', () => {
    const text =
      'Hi Anna! The Sturmgrat jacket has a 28,000 mm hydrostatic head [1]. ' +
      'It is fully waterproof. Shop now at Bergfink! Ready for the weekend? ' +
      'We love the mountains.';

    const sentences = factualSentences(text, 'en');

    expect(sentences.map((sentence) => [sentence.text, sentence.reasons])).toEqual([
      ['The Sturmgrat jacket has a 28,000 mm hydrostatic head [1].', ['number', 'entity']],
      ['It is fully waterproof.', ['attribute']],
    ]);
  });

  it('treats a German call to action with a price as a claim', () => {
    const sentences = factualSentences(
      'Jetzt entdecken! Jetzt 20 % sparen. Die Jacke ist wasserdicht.',
      'de',
    );
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Jetzt 20 % sparen.',
      'Die Jacke ist wasserdicht.',
    ]);
  });

  it('does not count the citation marker as a number', () => {
    const [sentence] = factualSentences('The Quellklar filters are tested [2].', 'en');
    expect(sentence?.facts.map((fact) => fact.text)).toEqual(['Quellklar']);
  });
});

describe('citedIds', () => {
  it('reads single, listed and named markers', () => {
    expect(citedIds('A [1] and B [2, 3] and C [chunk-7].')).toEqual(['1', '2', '3', 'chunk-7']);
  });
});

describe('factualSentences on Markdown', () => {
  it('ignores list numbers and lone list markers, and keeps the item facts', () => {
    const sentences = factualSentences('1.\n2. A probe of 240 cm,\n- a shovel', 'en');
    expect(sentences.map((sentence) => sentence.facts.map((fact) => fact.text))).toEqual([
      ['240 cm'],
    ]);
  });
});
