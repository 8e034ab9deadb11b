/**
 * Which sentences of an output state facts that need a source: those with numbers, named
 * entities or product attributes. Greetings, calls to action and questions do not.
 * @module
 */

import { splitSentences } from '../../ingest/process/sentences.js';
import { foldText } from '../../retrieval/analysis/word-splitter.js';
import { entityFactsOf, numberFactsOf, type Fact } from './facts.js';

/** A sentence with its UTF-16 span in the exact input. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

export interface FactualSentence extends SentenceSpan {
  /** Numbers and names that must appear in the source exactly. */
  facts: Fact[];
  /** Why it counts as factual: `number`, `entity` or `attribute`. */
  reasons: Array<'number' | 'entity' | 'attribute'>;
}

/** The sentences of `text` with their offsets, as `splitSentences` cuts them. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text)) {
    const start = text.indexOf(sentence, cursor);
    if (start < 0) continue;
    spans.push({ start, end: start + sentence.length, text: sentence });
    cursor = start + sentence.length;
  }
  return spans;
}

/** A sentence opening with any of these phrases, as whole words. */
function opening(phrases: string): RegExp {
  return new RegExp(`^(?:${phrases.split(',').join('|')})\\b`, 'i');
}

const greeting = opening(
  'hi,hello,hey,dear,thanks,thank you,cheers,best regards,kind regards,hallo,servus,moin,' +
    'liebe[rs]?,sehr geehrte[rs]?,danke,vielen dank,viele grüße,beste grüße,herzliche grüße',
);
const callToAction = opening(
  'shop,buy,order,discover,explore,get,grab,find,visit,click,learn more,sign up,subscribe,' +
    'try,jetzt,entdecke,entdecken,bestelle,bestellen,kaufe,kaufen,hol dir,sichere dir,finde,' +
    'besuche,klicke,melde dich,abonniere,probiere,mehr erfahren',
);

/** Folded word stems that name product attributes in outdoor retail copy. */
const attributeStems = [
  'waterproof',
  'water-resist',
  'water resist',
  'breathab',
  'windproof',
  'weigh',
  'gram',
  'certif',
  'tested',
  'approved',
  'recycl',
  'material',
  'fabric',
  'down',
  'warranty',
  'guarantee',
  'protect',
  'made of',
  'made from',
  'wasserdicht',
  'wasserfest',
  'atmungsaktiv',
  'winddicht',
  'gewicht',
  'wiegt',
  'zertifiz',
  'gepruft',
  'getestet',
  'recycel',
  'daune',
  'garantie',
  'schutz',
  'schutzt',
  'wassersaule',
  'hergestellt',
  'besteht aus',
];

/**
 * The factual sentences of `text`. A greeting or call to action is skipped unless it states
 * a number ("Jetzt 20 % sparen" is a price claim); a question is skipped, and so is a
 * fragment of fewer than two words. List numbers and heading marks are not facts.
 */
export function factualSentences(
  text: string,
  lang: 'en' | 'de',
  knownNames: readonly string[] = [],
): FactualSentence[] {
  const result: FactualSentence[] = [];

  for (const span of sentenceSpans(text)) {
    const body = withoutCitations(span.text).replace(listMarker, '');
    if ((body.match(/\p{L}{2,}/gu) ?? []).length < 2) continue;
    const numbers = numberFactsOf(body);
    const entities = entityFactsOf(body, lang, knownNames);
    const folded = ` ${foldText(body)}`;
    const attribute = attributeStems.some((stem) => folded.includes(` ${stem}`));

    if (/\?\s*$/.test(body)) continue;
    if ((greeting.test(body) || callToAction.test(body)) && numbers.length === 0) continue;
    const reasons: FactualSentence['reasons'] = [];
    if (numbers.length > 0) reasons.push('number');
    if (entities.length > 0) reasons.push('entity');
    if (attribute) reasons.push('attribute');
    if (reasons.length === 0) continue;

    result.push({ ...span, facts: [...numbers, ...entities], reasons });
  }

  return result;
}

/** A Markdown list item, heading or table-row start, whose number is no fact. */
const listMarker = /^(?:\s*(?:[-*+•]|\d{1,2}[.)]|#{1,6}|\|)\s+)+/u;

const citationMarker = /\s*\[([^\]\n]{1,64})\]/g;

/** The sentence without its citation markers ("[1]", "[2, 3]", "[chunk-7]"). */
export function withoutCitations(sentence: string): string {
  return sentence.replace(citationMarker, '');
}

/** The ids a sentence cites: "[1]" gives `1`, "[2, 3]" gives `2` and `3`. */
export function citedIds(sentence: string): string[] {
  const ids: string[] = [];
  for (const match of sentence.matchAll(citationMarker)) {
    ids.push(...(match[1] ?? '').split(/\s*[,;]\s*/).filter((id) => id.length > 0));
  }
  return ids;
}
