import { foldWords } from './fold-words.js';
import {
  findTerm,
  summarise,
  wordsOfTerm,
  type CoverageReport,
  type TermMatch,
} from './term-coverage.js';

/** A named entity, either as its name alone or with other names that also count. */
export type EntityInput = string | { name: string; aliases?: readonly string[] };

/**
 * Checks which named entities (brands, products, people, places) a text mentions, with the same
 * case- and diacritics-insensitive whole-word matching as `termCoverage`. An entity counts as
 * covered when its name or any alias occurs; the reported match is the earliest one, with
 * occurrences summed over name and aliases. Reported under the entity's name.
 * @throws UsageError when a name or alias contains no letter or digit.
 */
export function entityCoverage(text: string, entities: readonly EntityInput[]): CoverageReport {
  const textWords = foldWords(text);
  const seen = new Set<string>();
  const matches: TermMatch[] = [];

  for (const entity of entities) {
    const name = typeof entity === 'string' ? entity : entity.name;
    const aliases = typeof entity === 'string' ? [] : (entity.aliases ?? []);
    const key = wordsOfTerm(name)
      .map((word) => word.folded)
      .join(' ');
    if (seen.has(key)) continue;
    seen.add(key);

    const found = [name, ...aliases].map((form) => findTerm(name, wordsOfTerm(form), textWords));
    const occurrences = found.reduce((sum, match) => sum + match.occurrences, 0);
    const starts = found.flatMap((match) => (match.first ? [match.first] : []));
    const first = starts.sort((left, right) => left.start - right.start)[0];
    matches.push(
      first
        ? { term: name, covered: true, occurrences, first }
        : { term: name, covered: false, occurrences: 0 },
    );
  }

  return summarise(matches);
}
