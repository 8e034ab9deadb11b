/**
 * The facts in a sentence that must appear in the source exactly: numbers with their units
 * and currencies, and named entities (product and brand names, standards, acronyms).
 * @module
 */
import { escapeRegExp } from '../../core/escape-reg-exp.js';

/** A number as a value and a unit, so "28.000 mm" and "28,000 mm" are the same fact. */
export interface NumberFact {
  kind: 'number';
  /** The words as written. */
  text: string;
  value: number;
  /** Canonical unit (`mm`, `%`, `EUR`, `h`, `spf`), or empty when none is written. */
  unit: string;
}

export interface EntityFact {
  kind: 'entity';
  text: string;
}

export type Fact = NumberFact | EntityFact;

const unitAliases: Record<string, string> = {
  '%': '%',
  prozent: '%',
  percent: '%',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  $: 'USD',
  usd: 'USD',
  chf: 'CHF',
  mm: 'mm',
  cm: 'cm',
  m: 'm',
  meter: 'm',
  metre: 'm',
  meters: 'm',
  metres: 'm',
  metern: 'm',
  km: 'km',
  'km/h': 'km/h',
  g: 'g',
  gramm: 'g',
  grams: 'g',
  kg: 'kg',
  l: 'l',
  liter: 'l',
  litre: 'l',
  ml: 'ml',
  h: 'h',
  std: 'h',
  stunden: 'h',
  stunde: 'h',
  hours: 'h',
  hour: 'h',
  min: 'min',
  minuten: 'min',
  minutes: 'min',
  tage: 'd',
  tagen: 'd',
  days: 'd',
  jahre: 'y',
  jahren: 'y',
  years: 'y',
  lm: 'lm',
  lumen: 'lm',
  '°c': '°C',
  '°': '°',
  mah: 'mAh',
  spf: 'spf',
  lsf: 'spf',
};

const prefixUnits = ['€', 'EUR', 'USD', 'CHF', '$', 'SPF', 'LSF'];
const suffixUnits = Object.keys(unitAliases)
  .filter((unit) => !['$'].includes(unit))
  .sort((first, second) => second.length - first.length)
  .map((unit) => unit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

const numberPattern = String.raw`\d+(?:[.,'\u00a0\u202f ]\d{3})*(?:[.,]\d+)?`;
const prefixPattern = prefixUnits.map((unit) => unit.replace('$', '\\$')).join('|');
const numberFacts = new RegExp(
  String.raw`(?:(${prefixPattern})\s?)?(?<![\p{L}\d.,])(${numberPattern})` +
    String.raw`(?:\s?(${suffixUnits.join('|')})(?![\p{L}]))?`,
  'giu',
);

/** Every number in the text, with its unit when one is written beside it. */
export function numberFactsOf(text: string): NumberFact[] {
  const facts: NumberFact[] = [];
  for (const match of text.matchAll(numberFacts)) {
    const [whole, prefix, digits, suffix] = match;
    if (digits === undefined) continue;
    const unitWord = (suffix ?? prefix ?? '').toLowerCase();
    facts.push({
      kind: 'number',
      text: whole.trim(),
      value: parseNumber(digits),
      unit: unitAliases[unitWord] ?? unitWord,
    });
  }
  return facts;
}

/**
 * Reads "28.000", "28,000", "2,5", "2.5", "1 200" and "99,9999". A separator followed by
 * exactly three digits groups thousands; any other separator is the decimal mark.
 */
export function parseNumber(digits: string): number {
  const parts = digits.split(/[.,'\u00a0\u202f ]/);
  if (parts.length === 1) return Number(digits);
  const last = parts[parts.length - 1] ?? '';
  const grouped = last.length === 3 && parts.slice(1).every((part) => part.length === 3);
  if (grouped) return Number(parts.join(''));
  return Number(`${parts.slice(0, -1).join('')}.${last}`);
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}\-+]*/gu;

/** Capitalised English words that start clauses or are too common to be a name. */
const commonCapitals = new Set(
  (
    'I A An The This That These Those Our Your We You It Its Their They He She And But Or If ' +
    'When With For In On At To From By Of As Yes No Please'
  ).split(' '),
);

/**
 * Named entities by form: words with an inner capital (BergfinkDry), acronyms (RDS, PFAS),
 * letters mixed with digits (3L, EN12277), and any of the `known` names (brand terms,
 * product names). In English, capitalised words not opening the sentence count too; German
 * capitalises every noun, so there only the forms above and the known names do.
 */
export function entityFactsOf(
  sentence: string,
  lang: 'en' | 'de',
  known: readonly string[] = [],
): EntityFact[] {
  const entities = new Set<string>();
  let first = true;

  for (const match of sentence.matchAll(wordPattern)) {
    const word = match[0].replace(/[-+]+$/, '');
    const opensSentence = first;
    first = false;
    if (word.length < 2 || /^\d+$/.test(word)) continue;
    const innerCapital = /\p{Ll}\p{Lu}/u.test(word);
    const acronym = /^\p{Lu}{2,}$/u.test(word) && !(word.toLowerCase() in unitAliases);
    const mixed = /\p{L}/u.test(word) && /\d/.test(word) && !/^\d+(?:st|nd|rd|th)$/i.test(word);
    const englishName =
      lang === 'en' && !opensSentence && /^\p{Lu}\p{Ll}/u.test(word) && !commonCapitals.has(word);
    if (innerCapital || acronym || mixed || englishName) entities.add(word);
  }
  for (const name of known) {
    if (containsWord(sentence, name)) entities.add(name);
  }

  return [...entities].map((text) => ({ kind: 'entity', text }));
}

/** Whether `name` occurs in `text` as a whole word or phrase, case-sensitively. */
export function containsWord(text: string, name: string): boolean {
  const escaped = escapeRegExp(name);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** The facts of `sentence` that `source` does not state exactly. */
export function missingFacts(sentenceFacts: readonly Fact[], source: string): Fact[] {
  const sourceNumbers = numberFactsOf(source);
  return sentenceFacts.filter((fact) => {
    if (fact.kind === 'entity') return !containsWord(source, fact.text);
    return !sourceNumbers.some(
      (candidate) => candidate.value === fact.value && (!fact.unit || candidate.unit === fact.unit),
    );
  });
}
