/**
 * Stop word lists from stopwords-iso, folded like the tokens they are compared with.
 * @module
 */

import { createRequire } from 'node:module';

import { foldText } from './word-splitter.js';
import type { AnalysisLanguage } from './language.js';

const require = createRequire(import.meta.url);
const isoLists = require('stopwords-iso') as Record<string, string[]>;

function foldedList(language: 'en' | 'de'): Set<string> {
  return new Set((isoLists[language] ?? []).map((word) => foldText(word).replace(/['’]/g, '')));
}

const english = foldedList('en');
const german = foldedList('de');
const both = new Set([...english, ...german]);

/** The stop words of a pipeline; the unknown-language pipeline drops the words of both lists. */
export function stopWordsFor(language: AnalysisLanguage): ReadonlySet<string> {
  if (language === 'en') return english;
  if (language === 'de') return german;
  return both;
}
