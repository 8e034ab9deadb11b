/**
 * Obscenity matchers over the English and German lexicons, built once, returning matches
 * as word-aligned spans with word and category.
 * @module
 */

import {
  compareMatchByPositionAndId,
  RegExpMatcher,
  type MatchPayload,
  type RegExpMatcherOptions,
} from 'obscenity';

import type { GuardLanguage } from '../finding.js';
import { candidateFilter, candidateWindows, type CandidateFilter } from './candidate-windows.js';
import { englishCategory, englishLexicon, englishTransformers } from './english-dataset.js';
import { germanDataset, germanTransformers } from './german-dataset.js';
import type { ToxicityCategory } from './toxicity-category.js';

export interface LexiconMatch {
  start: number;
  end: number;
  word: string;
  category: ToxicityCategory;
  lang: GuardLanguage;
}

interface LexiconMatcher {
  filter: CandidateFilter;
  /** A matcher for just these terms with all whitelisted terms, cached by the set. */
  matcherFor: (termIds: ReadonlySet<number>) => RegExpMatcher;
}

const matcherCacheLimit = 2_000;

let matchers: Record<GuardLanguage, LexiconMatcher> | undefined;

function lexiconMatcher(
  built: ReturnType<typeof germanDataset.build>,
  transformers: Pick<
    RegExpMatcherOptions,
    'blacklistMatcherTransformers' | 'whitelistMatcherTransformers'
  >,
): LexiconMatcher {
  const byId = new Map(built.blacklistedTerms.map((term) => [term.id, term]));
  const cache = new Map<string, RegExpMatcher>();
  const matcherFor = (termIds: ReadonlySet<number>) => {
    const ids = [...termIds].sort((left, right) => left - right);
    const key = ids.join(',');
    let matcher = cache.get(key);
    if (matcher === undefined) {
      const blacklistedTerms = ids.flatMap((id) => byId.get(id) ?? []);
      matcher = new RegExpMatcher({ ...built, blacklistedTerms, ...transformers });
      if (cache.size >= matcherCacheLimit) cache.clear();
      cache.set(key, matcher);
    }
    return matcher;
  };
  return {
    matcherFor,
    filter: candidateFilter(
      built.blacklistedTerms,
      transformers.blacklistMatcherTransformers ?? [],
      built.whitelistedTerms ?? [],
    ),
  };
}

function built() {
  matchers ??= {
    en: lexiconMatcher(englishLexicon.build(), englishTransformers),
    de: lexiconMatcher(germanDataset.build(), germanTransformers),
  };
  return matchers;
}

// Obscenity only checks the terms the pre-filter found, on the stretch around each one,
// so its matches and whitelist decide as before; offsets are moved back into the text.
function payloads(text: string, { matcherFor, filter }: LexiconMatcher): MatchPayload[] {
  const found: MatchPayload[] = [];
  for (const { start, end, termIds } of candidateWindows(text, filter)) {
    for (const payload of matcherFor(termIds).getAllMatches(text.slice(start, end))) {
      found.push({
        ...payload,
        startIndex: payload.startIndex + start,
        endIndex: payload.endIndex + start,
      });
    }
  }
  return found.sort(compareMatchByPositionAndId);
}

const wordCharacter = /[\p{L}\p{N}$@*]/u;

/** Widens a match to the whole word(s) it sits in, so "Scheißwetter" is one span. */
function widen(text: string, start: number, end: number): [number, number] {
  let left = start;
  let right = end;
  while (left > 0 && wordCharacter.test(text[left - 1] ?? '')) left -= 1;
  while (right < text.length && wordCharacter.test(text[right] ?? '')) right += 1;
  return [left, right];
}

/** Lexicon matches of one language's matcher. */
export function lexiconMatches(text: string, lang: GuardLanguage): LexiconMatch[] {
  return payloads(text, built()[lang]).map((payload): LexiconMatch => {
    const [start, end] = widen(text, payload.startIndex, payload.endIndex + 1);
    if (lang === 'de') {
      const metadata = germanDataset.getPayloadWithPhraseMetadata(payload).phraseMetadata;
      return {
        start,
        end,
        word: metadata?.word ?? '',
        category: metadata?.category ?? 'profanity',
        lang,
      };
    }
    const metadata = englishLexicon.getPayloadWithPhraseMetadata(payload).phraseMetadata;
    const word = metadata?.originalWord ?? '';
    return { start, end, word, category: metadata?.category ?? englishCategory(word), lang };
  });
}
