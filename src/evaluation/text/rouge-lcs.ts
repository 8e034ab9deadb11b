/**
 * Longest common subsequence helpers for ROUGE-L and ROUGE-Lsum, with the same backtracking
 * tie-break as `rouge-score`, so the union LCS of ROUGE-Lsum picks the same tokens.
 * @module
 */

/** The dynamic-programming table: cell [i][j] is the LCS length of the prefixes i and j. */
function lcsTable(reference: readonly string[], candidate: readonly string[]): number[][] {
  const table = Array.from({ length: reference.length + 1 }, () =>
    new Array<number>(candidate.length + 1).fill(0),
  );
  for (let i = 1; i <= reference.length; i += 1) {
    const row = table[i] as number[];
    const previousRow = table[i - 1] as number[];
    for (let j = 1; j <= candidate.length; j += 1) {
      row[j] =
        reference[i - 1] === candidate[j - 1]
          ? (previousRow[j - 1] as number) + 1
          : Math.max(previousRow[j] as number, row[j - 1] as number);
    }
  }
  return table;
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(reference: readonly string[], candidate: readonly string[]): number {
  const table = lcsTable(reference, candidate);
  return table[reference.length]?.[candidate.length] ?? 0;
}

/** Indices into `reference` of one longest common subsequence, in increasing order. */
export function lcsReferenceIndices(
  reference: readonly string[],
  candidate: readonly string[],
): number[] {
  const table = lcsTable(reference, candidate);
  const indices: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i -= 1;
      j -= 1;
    } else if ((table[i]?.[j - 1] ?? 0) > (table[i - 1]?.[j] ?? 0)) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
  return indices.reverse();
}
