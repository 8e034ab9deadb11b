import { RegExpMatcher } from 'obscenity';
import { describe, expect, it } from 'vitest';

import { candidateFilter, candidateWindows } from './candidate-windows.js';
import { englishLexicon, englishTransformers } from './english-dataset.js';
import { germanDataset, germanTransformers } from './german-dataset.js';

const lexicons = [
  { lang: 'en', built: englishLexicon.build(), transformers: englishTransformers },
  { lang: 'de', built: germanDataset.build(), transformers: germanTransformers },
] as const;

const samples = [
  'What the fuuuuck, this is sh1t and $hit, a total b1tch of a zip.',
  'Scheißwetter, Sch3iße, du Hurensohn, ich bring dich um, Arschloch!',
  'Scunthorpe, classic, assassin, shiitake, cockpit, cum laude, a blue tit, tit for tat.',
  'Geschichte, Schwanzflosse, Marsch, So misst du richtig, Kackerlake, Pferdeschwanz.',
  'Our rain jacket keeps you dry on every ridge; reapply sunscreen every two hours.',
  'go back where you came from, kill yourself, you are stupid, piece of trash',
];

describe('candidateWindows', () => {
  it('puts every match of the whole-text matcher inside a window that names its term', () => {
    for (const { built, transformers } of lexicons) {
      const whole = new RegExpMatcher({ ...built, ...transformers });
      const filter = candidateFilter(
        built.blacklistedTerms,
        transformers.blacklistMatcherTransformers ?? [],
        built.whitelistedTerms ?? [],
      );
      for (const text of samples) {
        const windows = candidateWindows(text, filter);
        for (const match of whole.getAllMatches(text)) {
          const inside = windows.find(
            (window) => window.start <= match.startIndex && match.endIndex < window.end,
          );
          expect(inside?.termIds.has(match.termId), `${text} @${match.startIndex}`).toBe(true);
        }
      }
    }
  });

  it('lets clean copy through without a window, so the matcher never runs on it', () => {
    const { built, transformers } = lexicons[0];
    const filter = candidateFilter(
      built.blacklistedTerms,
      transformers.blacklistMatcherTransformers ?? [],
      built.whitelistedTerms ?? [],
    );

    expect(candidateWindows(samples[4] ?? '', filter)).toEqual([]);
    const windows = candidateWindows(`${samples[4]} Damn, the zip broke.`, filter);
    expect(windows).toHaveLength(1);
    expect(windows[0]?.start).toBeGreaterThan(60);
  });
});
