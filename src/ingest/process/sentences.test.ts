import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(splitSentences('Neu im Shop. Gefällt es dir? Jetzt kaufen!  Danke.')).toEqual([
      'Neu im Shop.',
      'Gefällt es dir?',
      'Jetzt kaufen!',
      'Danke.',
    ]);
  });

  it('keeps German abbreviations, ordinals and decimals inside the sentence', () => {
    const text =
      'Wir liefern z. B. Wolle, u. a. aus Peru. Das wiegt ca. 2.5 kg und hat Nr. 12. ' +
      'Start ist am 3. Oktober. Mehr dazu bzw. zu anderen Themen folgt.';
    expect(splitSentences(text)).toEqual([
      'Wir liefern z. B. Wolle, u. a. aus Peru.',
      'Das wiegt ca. 2.5 kg und hat Nr. 12.',
      'Start ist am 3. Oktober.',
      'Mehr dazu bzw. zu anderen Themen folgt.',
    ]);
  });

  it('keeps English abbreviations inside the sentence', () => {
    expect(splitSentences('Ask Mr. Smith, e.g. by mail. He answers (approx. 2 days).')).toEqual([
      'Ask Mr. Smith, e.g. by mail.',
      'He answers (approx. 2 days).',
    ]);
  });

  it('treats line breaks as sentence ends and closing quotes as part of the sentence', () => {
    expect(splitSentences('Er sagte: „Super.“ Dann ging er.\nNeue Zeile')).toEqual([
      'Er sagte: „Super.“',
      'Dann ging er.',
      'Neue Zeile',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  ')).toEqual([]);
  });
});
