/**
 * Words spelt out with separators ("s c h e i s s e", "f.u.c.k") slip past a matcher
 * that keeps spaces. Runs of single characters are joined and matched on their own;
 * skipping separators everywhere instead would join innocent neighbours ("this hit").
 * @module
 */

export interface SpacedRun {
  start: number;
  end: number;
  /** The characters of the run without separators. */
  joined: string;
}

const runPattern =
  /(?<![\p{L}\p{N}$@])[\p{L}\p{N}$@](?:[ ._*-]{1,2}[\p{L}\p{N}$@]){2,}(?![\p{L}\p{N}$@])/gu;

/** Runs of three or more single characters separated by spaces, dots, dashes or stars. */
export function spacedRuns(text: string): SpacedRun[] {
  const runs: SpacedRun[] = [];
  for (const match of text.matchAll(runPattern)) {
    runs.push({
      start: match.index,
      end: match.index + match[0].length,
      joined: match[0].replace(/[ ._*-]/g, ''),
    });
  }
  return runs;
}
