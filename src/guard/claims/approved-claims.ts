/**
 * The approved-claim ledger: a sentence that says an approved claim (stem overlap, same
 * numbers) passes if the claim is current and approved for the market, citing its evidence.
 * @module
 */

import type { GuardLanguage } from '../finding.js';
import type { ApprovedClaim, BrandPolicy } from '../policy/policy-schema.js';
import { stemTokens, type StemToken } from './stem-tokens.js';

/** Dice overlap of stem sets at or above which a sentence counts as saying a claim. */
export const claimSimilarityThreshold = 0.8;

export type LedgerStatus = 'approved' | 'expired' | 'market_not_approved' | 'numbers_changed';

export interface LedgerMatch {
  claim: ApprovedClaim;
  status: LedgerStatus;
  similarity: number;
  /** Token indexes of the sentence, inclusive. */
  first: number;
  last: number;
}

interface ClaimStems {
  claim: ApprovedClaim;
  stems: Set<string>;
  numbers: Set<string>;
}

interface LedgerIndex {
  claims: ClaimStems[];
  /** Every stem of every claim, to rule sentences out without building their stem sets. */
  allStems: Set<string>;
  smallestClaim: number;
}

const cache = new WeakMap<BrandPolicy, Partial<Record<GuardLanguage, LedgerIndex>>>();
const numberPattern = /^\d+$/;

function stemSet(tokens: readonly StemToken[], first = 0, last = tokens.length - 1) {
  const stems = new Set<string>();
  for (let index = first; index <= last; index += 1) {
    const token = tokens[index];
    if (token !== undefined) stems.add(token.stems[0] ?? token.folded);
  }
  return stems;
}

function numberSet(tokens: readonly StemToken[]): Set<string> {
  return new Set(tokens.filter((token) => numberPattern.test(token.folded)).map((t) => t.folded));
}

function ledgerIndex(policy: BrandPolicy, lang: GuardLanguage): LedgerIndex {
  const perPolicy = cache.get(policy) ?? {};
  const cached = perPolicy[lang];
  if (cached) return cached;

  const claims = policy.approved_claims.map((claim) => {
    const tokens = stemTokens(lang === 'de' ? claim.text_de : claim.text_en, lang);
    return { claim, stems: stemSet(tokens), numbers: numberSet(tokens) };
  });
  const index = {
    claims,
    allStems: new Set(claims.flatMap((entry) => [...entry.stems])),
    smallestClaim: Math.min(...claims.map((entry) => entry.stems.size)),
  };
  perPolicy[lang] = index;
  cache.set(policy, perPolicy);
  return index;
}

// Dice ≥ 0.8 means shared ≥ 0.4 · (sentence + claim) and shared ≤ sentence, so shared is at
// least two thirds of the claim; counting tokens whose stem occurs in any claim bounds
// shared from above without building sets.
function mightMatch(tokens: readonly StemToken[], first: number, last: number, index: LedgerIndex) {
  let known = 0;
  for (let position = first; position <= last; position += 1) {
    const stem = tokens[position]?.stems[0];
    if (stem !== undefined && index.allStems.has(stem)) known += 1;
  }
  return known * 3 >= index.smallestClaim * 2;
}

function dice(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  return (2 * shared) / (left.size + right.size || 1);
}

/** Token index ranges of the clauses between sentence ends. */
export function sentenceRanges(tokens: readonly StemToken[]) {
  const ranges: Array<[number, number]> = [];
  let first = 0;
  for (let index = 1; index <= tokens.length; index += 1) {
    const token = tokens[index];
    const ends = token === undefined || token.sentenceBefore;
    if (!ends) continue;
    ranges.push([first, index - 1]);
    first = index;
  }
  return ranges;
}

function statusOf(claim: ApprovedClaim, market: string | undefined, today: string): LedgerStatus {
  if (claim.expires < today) return 'expired';
  if (market !== undefined && !claim.markets.includes(market.toUpperCase())) {
    return 'market_not_approved';
  }
  return 'approved';
}

/** Sentences that say an approved claim, with the ledger's verdict for each. */
export function matchLedger(
  text: string,
  tokens: readonly StemToken[],
  options: { policy: BrandPolicy; lang: GuardLanguage; market?: string; now: Date },
): LedgerMatch[] {
  const index = ledgerIndex(options.policy, options.lang);
  if (index.claims.length === 0) return [];

  const today = options.now.toISOString().slice(0, 10);
  const matches: LedgerMatch[] = [];
  for (const [first, last] of sentenceRanges(tokens)) {
    if (!mightMatch(tokens, first, last, index)) continue;
    const stems = stemSet(tokens, first, last);
    let best: { entry: ClaimStems; similarity: number } | undefined;
    for (const entry of index.claims) {
      // Dice ≥ 0.8 needs the smaller set to be at least two thirds of the larger one.
      const smaller = Math.min(stems.size, entry.stems.size);
      const larger = Math.max(stems.size, entry.stems.size);
      if (smaller * 3 < larger * 2) continue;
      const similarity = dice(stems, entry.stems);
      if (similarity >= claimSimilarityThreshold && similarity > (best?.similarity ?? 0)) {
        best = { entry, similarity };
      }
    }
    if (best === undefined) continue;

    const numbers = numberSet(tokens.slice(first, last + 1));
    const sameNumbers =
      numbers.size === best.entry.numbers.size &&
      [...numbers].every((number) => best.entry.numbers.has(number));
    const status = sameNumbers
      ? statusOf(best.entry.claim, options.market, today)
      : 'numbers_changed';
    matches.push({ claim: best.entry.claim, status, similarity: best.similarity, first, last });
  }
  return matches;
}
