/**
 * Claim rule patterns: word sequences matched on stems.
 *
 * Syntax, words separated by spaces:
 * - `guarantee` matches any word with the same stem ("guaranteed", "guarantees");
 * - `heal|cure` matches either word;
 * - `klima*` matches any word whose folded form starts with `klima`;
 * - `<superlative>` matches any word of a word class (see `word-classes.ts`), alone, not in
 *   an alternative;
 * - `~3` skips zero to three words (a gap), never across a sentence end;
 * - `eco-friendly` matches "eco-friendly" and "eco friendly" (hyphens split words), so a
 *   hyphenated word stands alone, never in an alternative.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import { foldWord, stemsOf, type StemToken } from './stem-tokens.js';
import { inWordClass, wordClassNames, type WordClass } from './word-classes.js';

export type PatternAlternative =
  { kind: 'word'; word: string } | { kind: 'prefix'; prefix: string };

export type PatternElement =
  | { kind: 'words'; alternatives: PatternAlternative[] }
  | { kind: 'gap'; max: number }
  | { kind: 'class'; wordClass: WordClass };

/** A parsed pattern; stems are resolved per language when compiled. */
export type ParsedClaimPattern = PatternElement[];

const gapPattern = /^~(\d+)$/;
const classPattern = /^<([a-z-]+)>$/;

/**
 * Parses a pattern string; throws with a readable message on bad syntax.
 * @throws Error naming the bad part of the pattern.
 */
export function parseClaimPattern(source: string): ParsedClaimPattern {
  const parts = source
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '');
  if (parts.length === 0) throw new Error('a pattern needs at least one word');

  const elements = parts.map((part): PatternElement => {
    const gap = gapPattern.exec(part);
    if (gap) return { kind: 'gap', max: Math.min(Number(gap[1]), 10) };

    const wordClass = classPattern.exec(part)?.[1];
    if (wordClass !== undefined) {
      const known = wordClassNames.find((name) => name === wordClass);
      if (known === undefined) {
        throw new Error(
          `"${part}" in pattern "${source}" is not a word class; use ` +
            wordClassNames.map((name) => `<${name}>`).join(', '),
        );
      }
      return { kind: 'class', wordClass: known };
    }

    if (part.includes('|') && part.includes('-')) {
      throw new Error(
        `"${part}" in pattern "${source}": a hyphenated word cannot be an alternative; ` +
          'write it as its own pattern or as separate words (eco|planet friendly)',
      );
    }
    const alternatives = part.split('|').map((alternative): PatternAlternative => {
      if (!/^[\p{L}\p{N}%'’-]+\*?$/u.test(alternative)) {
        throw new Error(`"${part}" in pattern "${source}" is not a word, word|word, prefix* or ~N`);
      }
      if (alternative.endsWith('*')) {
        return { kind: 'prefix', prefix: foldWord(alternative.slice(0, -1)) };
      }
      return { kind: 'word', word: alternative.toLowerCase() };
    });
    return { kind: 'words', alternatives };
  });

  if (elements[0]?.kind === 'gap' || elements.at(-1)?.kind === 'gap') {
    throw new Error(`pattern "${source}" must start and end with a word, not a gap`);
  }
  return elements;
}

/** One compiled alternative: a set of stems or a folded prefix. */
export interface CompiledAlternative {
  stems?: ReadonlySet<string>;
  prefix?: string;
}

export type CompiledElement =
  | { kind: 'words'; alternatives: CompiledAlternative[] }
  | { kind: 'gap'; max: number }
  | { kind: 'class'; wordClass: WordClass; lang: GuardLanguage };

function primaryStem(word: string, lang: GuardLanguage): string {
  return stemsOf(word, lang)[0] ?? word;
}

/**
 * Resolves the words of a pattern to stems in one language. Pattern words take only their
 * primary stem (write them in their base form); text tokens offer all of theirs.
 * Hyphenated words become a run of words.
 */
export function compileClaimPattern(
  parsed: ParsedClaimPattern,
  lang: GuardLanguage,
): CompiledElement[] {
  const compiled: CompiledElement[] = [];
  for (const element of parsed) {
    if (element.kind === 'gap') {
      compiled.push(element);
      continue;
    }
    if (element.kind === 'class') {
      compiled.push({ ...element, lang });
      continue;
    }
    const single = element.alternatives.length === 1 ? element.alternatives[0] : undefined;
    if (single?.kind === 'word' && /[-]/.test(single.word)) {
      for (const piece of single.word.split('-').filter((item) => item !== '')) {
        compiled.push({
          kind: 'words',
          alternatives: [{ stems: new Set([primaryStem(piece, lang)]) }],
        });
      }
      continue;
    }
    compiled.push({
      kind: 'words',
      alternatives: element.alternatives.map((alternative) =>
        alternative.kind === 'prefix'
          ? { prefix: alternative.prefix }
          : { stems: new Set([primaryStem(alternative.word, lang)]) },
      ),
    });
  }
  return compiled;
}

/** Whether a token satisfies one alternative. */
export function tokenMatches(token: StemToken, alternatives: CompiledAlternative[]): boolean {
  for (const alternative of alternatives) {
    if (alternative.prefix !== undefined && token.folded.startsWith(alternative.prefix)) {
      return true;
    }
    if (alternative.stems !== undefined) {
      for (const stem of token.stems) if (alternative.stems.has(stem)) return true;
    }
  }
  return false;
}

/**
 * Tries the pattern at token `index`; returns the index of the last matched token or -1.
 * Gaps are lazy (the shortest match wins) and never cross a clause break.
 */
export function matchAt(
  tokens: readonly StemToken[],
  index: number,
  elements: readonly CompiledElement[],
  elementIndex = 0,
): number {
  const element = elements[elementIndex];
  if (element === undefined) return index - 1;

  if (element.kind === 'gap') {
    for (let skip = 0; skip <= element.max; skip += 1) {
      const next = index + skip;
      if (next >= tokens.length) return -1;
      if (skip > 0 && tokens[next]?.breakBefore) return -1;
      const end = matchAt(tokens, next, elements, elementIndex + 1);
      if (end >= 0) return end;
    }
    return -1;
  }

  const token = tokens[index];
  if (token === undefined) return -1;
  if (elementIndex > 0 && token.breakBefore) return -1;
  const matches =
    element.kind === 'class'
      ? inWordClass(token, element.wordClass, element.lang)
      : tokenMatches(token, element.alternatives);
  if (!matches) return -1;
  return matchAt(tokens, index + 1, elements, elementIndex + 1);
}
