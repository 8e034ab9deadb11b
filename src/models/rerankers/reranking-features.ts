import { contentTerms, contentWord, forEachWord, termMatchStrength } from './text-terms.js';

/** The feature values of one candidate, each between 0 and 1. */
export interface RerankFeatures {
  /** Share of the distinct query terms found in the title or text (partial matches count less). */
  coverage: number;
  /** Share of adjacent query-term pairs that also stand next to each other in the candidate. */
  phrase: number;
  /** How tightly the matched terms cluster: matched terms over the smallest window holding them. */
  proximity: number;
  /** Share of the query terms found in the title. */
  title: number;
  /** The first-stage score, scaled to 0…1 within the candidate list (0 when absent). */
  firstStage: number;
}

interface Credit {
  term: number;
  strength: number;
}

/** How one word matches the query: its best term places it; coverage counts every credit. */
interface WordMatch extends Credit {
  /** Every term the word matches, e.g. both "kinder" and "schuhe" for "kinderschuhe". */
  credits: Credit[];
}

const noMatch: WordMatch = { term: -1, strength: 0, credits: [] };

/**
 * The query side of feature scoring. It remembers how each word it has seen matches the
 * query, so the words the candidates share are compared against the terms only once.
 */
export class QueryMatcher {
  /** The distinct content terms of the query, in query order. */
  readonly terms: string[];
  /** Lower-cased word → its match, or undefined for a function word. */
  private readonly known = new Map<string, WordMatch | undefined>();

  constructor(query: string) {
    this.terms = [...new Set(contentTerms(query))];
  }

  /**
   * The query term a lower-cased word matches best (the earlier term on a tie), term -1 for
   * none, or undefined for a function word, which does not count as a position.
   */
  match(word: string): WordMatch | undefined {
    if (this.known.has(word)) return this.known.get(word);

    const content = contentWord(word);
    const result = content === undefined ? undefined : this.matchContent(content);
    this.known.set(word, result);
    return result;
  }

  private matchContent(word: string): WordMatch {
    const credits: Credit[] = [];
    this.terms.forEach((term, index) => {
      const strength = termMatchStrength(term, word);
      if (strength > 0) credits.push({ term: index, strength });
    });
    if (credits.length === 0) return noMatch;
    const best = credits.reduce((kept, credit) =>
      credit.strength > kept.strength ? credit : kept,
    );
    return { ...best, credits };
  }

  /** Every feature except `firstStage`, which needs the whole candidate list. */
  score(text: string, title = ''): Omit<RerankFeatures, 'firstStage'> {
    const termCount = this.terms.length;
    if (termCount === 0) return { coverage: 0, phrase: 0, proximity: 0, title: 0 };

    const scan = new CandidateScan(termCount);
    const visit = (word: string): void => {
      const match = this.match(word);
      if (match) scan.add(match);
    };
    forEachWord(title, visit);
    const titleShare = share(scan.best);
    forEachWord(text, visit);

    const coverage = share(scan.best);
    if (termCount < 2)
      return { coverage, phrase: coverage, proximity: coverage, title: titleShare };
    return {
      coverage,
      phrase: share(scan.adjacentPairs),
      proximity: windowDensity(scan.matchedTerms, termCount),
      title: titleShare,
    };
  }
}

/** One pass over a candidate's words, collecting what every feature needs. */
class CandidateScan {
  /** Best match strength per query term. */
  readonly best: Float64Array;
  /** 1 where query terms i and i + 1 were found side by side, in that order. */
  readonly adjacentPairs: Uint8Array;
  /** The query term matched at each word position, -1 for none. */
  readonly matchedTerms: number[] = [];
  private previousTerm = -1;

  constructor(termCount: number) {
    this.best = new Float64Array(termCount);
    this.adjacentPairs = new Uint8Array(termCount - 1);
  }

  add({ term, credits }: WordMatch): void {
    this.matchedTerms.push(term);
    for (const credit of credits) {
      if (credit.strength > this.best[credit.term]!) this.best[credit.term] = credit.strength;
    }
    if (term > 0 && this.previousTerm === term - 1) this.adjacentPairs[this.previousTerm] = 1;
    this.previousTerm = term;
  }
}

function share(values: Float64Array | Uint8Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

/**
 * (matched terms / smallest window holding one of each) × (matched terms / query terms):
 * 1 when every term occurs and they stand side by side, 0 when fewer than two terms occur.
 */
function windowDensity(matchedTerms: number[], termCount: number): number {
  const positions: number[] = [];
  const seen = new Uint8Array(termCount);
  let distinct = 0;
  matchedTerms.forEach((term, position) => {
    if (term < 0) return;
    positions.push(position);
    if (seen[term] === 0) distinct += 1;
    seen[term] = 1;
  });
  if (distinct < 2) return 0;

  const inWindow = new Int32Array(termCount);
  let covered = 0;
  let start = 0;
  let smallest = Number.POSITIVE_INFINITY;
  for (const position of positions) {
    const entering = matchedTerms[position]!;
    inWindow[entering] = (inWindow[entering] ?? 0) + 1;
    if (inWindow[entering] === 1) covered += 1;
    while (covered === distinct) {
      const first = positions[start]!;
      smallest = Math.min(smallest, position - first + 1);
      const leaving = matchedTerms[first]!;
      inWindow[leaving] = (inWindow[leaving] ?? 0) - 1;
      if (inWindow[leaving] === 0) covered -= 1;
      start += 1;
    }
  }
  return (distinct / smallest) * (distinct / termCount);
}
