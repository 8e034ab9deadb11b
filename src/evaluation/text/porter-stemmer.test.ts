import { describe, expect, it } from 'vitest';

import { porterStem } from './porter-stemmer.js';

describe('porterStem (NLTK default variant)', () => {
  const expectations: readonly [string, string][] = [
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'tie'],
    ['cats', 'cat'],
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['national', 'nation'],
    ['generalization', 'gener'],
    ['running', 'run'],
    ['generously', 'gener'],
    ['hopefully', 'hope'],
    ['quickly', 'quickli'],
    ['marketing', 'market'],
    ['campaigns', 'campaign'],
  ];

  it.each(expectations)('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('applies the NLTK rules for short -ies and -ied words', () => {
    // Four letters: 'ies'/'ied' become 'ie'; longer words keep only 'i'.
    expect(porterStem('dies')).toBe('die');
    expect(porterStem('died')).toBe('die');
    expect(porterStem('cries')).toBe('cri');
    expect(porterStem('cried')).toBe('cri');
  });

  it('maps the irregular forms directly', () => {
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('dying')).toBe('die');
    expect(porterStem('lying')).toBe('lie');
    expect(porterStem('news')).toBe('news');
    expect(porterStem('innings')).toBe('inning');
    expect(porterStem('proceed')).toBe('proceed');
  });

  it('uses the NLTK step-2 extensions for -logi and -alli', () => {
    // 'logi' -> 'log' counts the 'l' towards the stem, so 'geo' + 'l' has measure 1.
    expect(porterStem('geology')).toBe('geolog');
    expect(porterStem('archaeology')).toBe('archaeolog');
    // 'radicalli' -> 'radical' (alli first), then step 3 'ical' -> 'ic'.
    expect(porterStem('radically')).toBe('radic');
  });

  it('leaves words of one or two letters alone and lowercases', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('as')).toBe('as');
    expect(porterStem('Running')).toBe('run');
  });
});
