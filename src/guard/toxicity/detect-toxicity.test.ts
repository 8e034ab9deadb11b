import { describe, expect, it } from 'vitest';

import { detectToxicity } from './detect-toxicity.js';

const texts = (text: string, lang: 'en' | 'de') =>
  detectToxicity(text, { lang }).map((finding) => finding.text);

describe('detectToxicity', () => {
  it('finds English profanity through leet, repeated letters and spelt-out words', () => {
    expect(texts('fuuuuck this, sh1t, $hit, f u c k and S.H.I.T.', 'en')).toEqual([
      'fuuuuck',
      'sh1t',
      '$hit',
      'f u c k',
      'S.H.I.T',
    ]);
  });

  it('finds German profanity with umlauts folded, ß, leet and spacing', () => {
    expect(
      texts('Scheißwetter, Scheisse, s c h e i s s e, Sch3iße, Arschloch, Vollidiot', 'de'),
    ).toEqual(['Scheißwetter', 'Scheisse', 's c h e i s s e', 'Sch3iße', 'Arschloch', 'Vollidiot']);
  });

  it('does not flag innocent words that contain a bad substring', () => {
    const english =
      'Scunthorpe, classic, assassin, shiitake, cockpit, therapist, grape, Essex, analysis, ' +
      'title, peacock, passage, Dickens, rapeseed oil, cum laude, this hit';
    const german =
      'Geschichte, Dichtung, Schwanzflosse, Marsch, Barsch, harsch, Scheibe, Spaß, Titel, ' +
      'Analyse, Kommunikation, Pferdeschwanz, Kackerlake, Schneegeriesel, dicker Kanal, ' +
      'idiotensicher, So misst du richtig, Mistel';

    expect(texts(english, 'en')).toEqual([]);
    expect(texts(german, 'de')).toEqual([]);
  });

  it('categorises insults, slurs and threats and sets rule and action from the category', () => {
    const findings = detectToxicity('Halt die Klappe, du Hurensohn. Ich bring dich um.', {
      lang: 'de',
      policyVersion: 3,
    });

    expect(findings.map((finding) => [finding.rule, finding.action])).toEqual([
      ['toxicity.insult', 'flag'],
      ['toxicity.insult', 'flag'],
      ['toxicity.threat', 'block'],
    ]);
    expect(findings[0]?.details).toMatchObject({ word: 'halt die Klappe', policyVersion: 3 });
  });

  it('also reads English swearing in German text, but not German words in English text', () => {
    expect(texts('Das war echt fucking kalt.', 'de')).toEqual(['fucking']);
    expect(texts('The hure river', 'en')).toEqual([]);
  });
});
