/**
 * A pre-filter for obscenity's matcher, which runs one regular expression per pattern over
 * the whole text after transforming it character by character. Here the text is
 * normalised once with the same character mappings (but every repeated letter collapsed),
 * scanned with a trie of every pattern's literal forms, and only the stretches of text
 * around a candidate go to the matcher. A miss here is a miss there: collapsing both the
 * text and the forms keeps every substring relation, so no match is lost.
 * @module
 */

import { SyntaxKind, type BlacklistedTerm, type Node, type TransformerContainer } from 'obscenity';

interface TrieNode {
  /** Children by code point: ASCII in an array (the common case), the rest in a map. */
  ascii: Array<TrieNode | undefined>;
  other: Map<number, TrieNode>;
  /** The child for a wildcard, which takes any character. */
  any?: TrieNode;
  /** Forms ending here: their term and whether they need a word boundary at each end. */
  ends: Array<{ termId: number; start: boolean; end: boolean }>;
}

/** A compiled pre-filter for one dataset and its transformers. */
export interface CandidateFilter {
  trie: TrieNode;
  /** Simple (stateless) transformers; collapsing repeats is done by the scan itself. */
  transformers: Array<(char: number) => number | undefined>;
  /** Code point to normalised code point (-1: dropped, -2: not seen yet), for the BMP. */
  mapped: Int32Array;
  /** The same for code points above the BMP. */
  mappedAstral: Map<number, number>;
  /** Whitespace-separated words a window keeps on each side of a candidate. */
  contextWords: number;
  /**
   * ASCII pairs (first << 7 | second) that start some form; a position whose pair is not
   * here is skipped without walking the trie. Undefined when a form is too short to say.
   */
  pairs: Uint8Array | undefined;
}

function emptyNode(): TrieNode {
  return { ascii: [], other: new Map(), ends: [] };
}

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  return code >= 0 && code < 128 ? node.ascii[code] : node.other.get(code);
}

/** Trie edge for a wildcard: any one character. */
const anyCharacter = -100;

// Every form of a run of nodes as code points: optional parts present or absent, and a
// wildcard as any character or, since collapsing may merge it into a neighbour, none.
function forms(nodes: readonly Node[]): number[][] {
  let results: number[][] = [[]];
  for (const node of nodes) {
    if (node.kind === SyntaxKind.Literal) {
      results = results.map((prefix) => [...prefix, ...node.chars]);
    } else if (node.kind === SyntaxKind.Wildcard) {
      results = results.flatMap((prefix) => [prefix, [...prefix, anyCharacter]]);
    } else {
      const inner = forms([node.childNode]);
      results = results.flatMap((prefix) => [prefix, ...inner.map((item) => [...prefix, ...item])]);
    }
  }
  return results;
}

function collapse(codes: readonly number[]): number[] {
  return codes.filter((code, index) => code === anyCharacter || code !== codes[index - 1]);
}

/** Builds the trie of every pattern's forms; `whitelist` only widens the windows. */
export function candidateFilter(
  terms: readonly BlacklistedTerm[],
  transformers: readonly TransformerContainer[],
  whitelist: readonly string[],
): CandidateFilter {
  const trie = emptyNode();
  let pairs: Uint8Array | undefined = new Uint8Array(128 * 128);
  for (const term of terms) {
    // A dropped wildcard moves the ends of a form, so boundaries are not checked with one.
    const { requireWordBoundaryAtStart, requireWordBoundaryAtEnd } = term.pattern;
    const exact = !JSON.stringify(term.pattern.nodes).includes(`"kind":${SyntaxKind.Wildcard}`);
    const needs = {
      termId: term.id,
      start: exact && requireWordBoundaryAtStart,
      end: exact && requireWordBoundaryAtEnd,
    };
    for (const form of forms(term.pattern.nodes)) {
      const codes = collapse(form);
      const [first = -1, second = -1] = codes;
      if (pairs !== undefined && first >= 0 && first < 128 && second === anyCharacter) {
        pairs.fill(1, first << 7, (first + 1) << 7);
      } else if (pairs !== undefined && first >= 0 && first < 128 && second >= 0 && second < 128) {
        pairs[(first << 7) | second] = 1;
      } else {
        // One-character forms, a leading wildcard or non-ASCII starts: no pair test at all.
        pairs = undefined;
      }
      let node = trie;
      for (const code of codes) {
        let child = code === anyCharacter ? node.any : childOf(node, code);
        if (child === undefined) {
          child = emptyNode();
          if (code === anyCharacter) node.any = child;
          else if (code >= 0 && code < 128) node.ascii[code] = child;
          else node.other.set(code, child);
        }
        node = child;
      }
      node.ends.push(needs);
    }
  }
  // A whitelisted phrase that overlaps a match may reach this many words beyond it.
  const contextWords = Math.max(0, ...whitelist.map((term) => term.split(' ').length - 1));

  const simple = transformers.flatMap((container) =>
    container.type === 0 ? [container.transform] : [],
  );
  const mapped = new Int32Array(0x10000).fill(-2);
  return { trie, transformers: simple, mapped, mappedAstral: new Map(), contextWords, pairs };
}

function normalise(filter: CandidateFilter, code: number): number {
  const known = code <= 0xffff ? filter.mapped[code] : filter.mappedAstral.get(code);
  if (known !== undefined && known !== -2) return known;

  let result: number | undefined = code;
  for (const transform of filter.transformers) {
    if (result === undefined) break;
    result = transform(result);
  }
  if (code <= 0xffff) filter.mapped[code] = result ?? -1;
  else filter.mappedAstral.set(code, result ?? -1);
  return result ?? -1;
}

// `\b` in obscenity's expressions: ASCII letters, digits and underscore are word characters.
function isWord(code: number | undefined): boolean {
  if (code === undefined) return false;
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028;
}

// The start of the word at `index`, then `words` more words to the left.
function extendLeft(text: string, index: number, words: number): number {
  let position = index;
  for (let word = 0; word <= words; word += 1) {
    if (word > 0) while (position > 0 && isSpace(text.charCodeAt(position - 1))) position -= 1;
    while (position > 0 && !isSpace(text.charCodeAt(position - 1))) position -= 1;
  }
  return position;
}

// The end of the word ending at `index`, then `words` more words to the right.
function extendRight(text: string, index: number, words: number): number {
  let position = index;
  for (let word = 0; word <= words; word += 1) {
    if (word > 0)
      while (position < text.length && isSpace(text.charCodeAt(position))) position += 1;
    while (position < text.length && !isSpace(text.charCodeAt(position))) position += 1;
  }
  return position;
}

interface Scan {
  codes: Int32Array;
  length: number;
  startsWord: boolean;
  /** Last position of the longest form found from the start, or -1. */
  end: number;
  termIds: number[];
}

// Follows the trie from `parent` at `position`, by the character and by a wildcard.
function walk(parent: TrieNode, position: number, scan: Scan): void {
  if (position >= scan.length) return;
  const code = scan.codes[position] ?? -1;
  const exact = childOf(parent, code);
  if (exact !== undefined) visit(exact, position, code, scan);
  if (parent.any !== undefined) visit(parent.any, position, code, scan);
}

function visit(node: TrieNode, position: number, code: number, scan: Scan): void {
  if (node.ends.length > 0) {
    const endsWord = isWord(code) !== isWord(scan.codes[position + 1]);
    for (const need of node.ends) {
      if ((need.start && !scan.startsWord) || (need.end && !endsWord)) continue;
      scan.termIds.push(need.termId);
      scan.end = Math.max(scan.end, position);
    }
  }
  walk(node, position + 1, scan);
}

/** A stretch of text that may hold a match, and the terms that may match in it. */
export interface CandidateWindow {
  start: number;
  /** Exclusive. */
  end: number;
  termIds: Set<number>;
}

/**
 * Stretches of `text` that may hold a match: each candidate widened to whole words and
 * `contextWords` more on both sides, overlapping stretches merged.
 */
export function candidateWindows(text: string, filter: CandidateFilter): CandidateWindow[] {
  const codes = new Int32Array(text.length);
  const origins = new Int32Array(text.length);
  let length = 0;
  let last = -1;
  for (let index = 0; index < text.length;) {
    const code = text.charCodeAt(index);
    const point = code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(index) ?? code) : code;
    const mapped = normalise(filter, point);
    if (mapped >= 0 && mapped !== last) {
      codes[length] = mapped;
      origins[length] = index;
      length += 1;
      last = mapped;
    }
    index += point > 0xffff ? 2 : 1;
  }

  const windows: CandidateWindow[] = [];
  const { pairs } = filter;
  const scan: Scan = { codes, length, startsWord: false, end: -1, termIds: [] };
  for (let start = 0; start < length; start += 1) {
    const root = filter.trie;
    const first = codes[start] ?? -1;
    const second = start + 1 < length ? (codes[start + 1] ?? -1) : -1;
    if (pairs !== undefined && first < 128 && second >= 0 && second < 128) {
      if (pairs[(first << 7) | second] === 0) continue;
    }
    if (root.any === undefined && childOf(root, first) === undefined) continue;

    scan.startsWord = isWord(codes[start - 1]) !== isWord(codes[start]);
    scan.end = -1;
    scan.termIds = [];
    walk(root, start, scan);
    const { end, termIds } = scan;
    if (end < 0) continue;

    const from = extendLeft(text, origins[start] ?? 0, filter.contextWords);
    const to = extendRight(text, (origins[end] ?? 0) + 1, filter.contextWords);
    const previous = windows.at(-1);
    if (previous !== undefined && from <= previous.end) {
      previous.end = Math.max(previous.end, to);
      for (const termId of termIds) previous.termIds.add(termId);
    } else {
      windows.push({ start: from, end: to, termIds: new Set(termIds) });
    }
  }
  return windows;
}
