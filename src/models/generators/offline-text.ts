/**
 * Text helpers of the offline composer: comparable terms, overlap, near-duplicates and
 * cutting at word boundaries.
 * @module
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as germanStemmer } from '@orama/stemmers/german';

/** Words too common in German and English marketing text to say anything about relevance. */
const stopWords = new Set(
  (
    'the and for with you your our are was were this that from into not but can will also ' +
    'has have its than then when which who what how all any more most very just only ' +
    'need needs should would could does did much many where why there their they them ' +
    'these those about here get use one two ' +
    'der die das und mit für von auf ist sind ein eine einen einem einer nicht auch bei ' +
    'den dem des sich wie wir ihr dir du sie es im in zu zum zur aus nach oder als so ' +
    'noch nur mehr sehr wenn dann über unter dein deine unsere unser welche welcher ' +
    'welches was wo warum ich mir mich kann muss soll brauche brauchst braucht hier ' +
    'mein meine meinen meinem meiner dich euch'
  ).split(' '),
);

/**
 * The comparable terms of a text: lowercased words of three or more letters or digits, stop
 * words removed, each reduced by the Snowball stemmer of the language (so "jacket" and
 * "jackets", "Säule" and "Säulen" match).
 */
export function termsOf(text: string, language: string): Set<string> {
  const german = language === 'de';
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u);
  const terms = new Set<string>();
  for (const word of words) {
    if (word.length < 3 || stopWords.has(word)) continue;
    terms.add(stemOf(word, german));
  }
  return terms;
}

/** Stems by language and word; Snowball is slow next to a lookup, and words repeat a lot. */
const stems = new Map<string, string>();
const maxCachedStems = 50_000;

function stemOf(word: string, german: boolean): string {
  const key = german ? `de:${word}` : `en:${word}`;
  let stem = stems.get(key);
  if (stem === undefined) {
    if (stems.size >= maxCachedStems) stems.clear();
    stem = german ? germanStemmer(word) : englishStemmer(word);
    stems.set(key, stem);
  }
  return stem;
}

/** How many of `terms` the query has. */
export function overlapCount(terms: Set<string>, query: Set<string>): number {
  let shared = 0;
  for (const term of terms) if (query.has(term)) shared++;
  return shared;
}

/**
 * Whether two term sets say nearly the same: Jaccard similarity of at least 0.6, or the
 * smaller set at least 80 % inside the larger.
 */
export function isNearDuplicate(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const shared = overlapCount(a, b);
  const jaccard = shared / (a.size + b.size - shared);
  const containment = shared / Math.min(a.size, b.size);
  return jaccard >= 0.6 || containment >= 0.8;
}

/** Collapses runs of whitespace and trims. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The longest prefix of `text` of at most `limit` characters that ends at a word boundary,
 * with trailing separators (commas, dashes, colons) removed. Never cuts inside a word; returns
 * an empty string when not even the first word fits.
 */
export function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit + 1);
  const lastSpace = head.lastIndexOf(' ');
  if (lastSpace <= 0) return '';
  let words = head.slice(0, lastSpace).split(' ');
  while (words.length > 1 && isDangling(words[words.length - 1] ?? '')) {
    words = words.slice(0, -1);
  }
  return words.join(' ').replace(/[\s,;:–—&+/-]+$/u, '');
}

/** Words and marks that must not end a cut text: separators, articles, conjunctions. */
const danglingWords = new Set(
  'and or with for the a an of to in und oder mit für der die das den dem ein eine von zu im'.split(
    ' ',
  ),
);

function isDangling(word: string): boolean {
  return /^[,;:–—&+/-]+$/u.test(word) || danglingWords.has(word.toLowerCase());
}
