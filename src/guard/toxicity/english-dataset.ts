/**
 * English lexicon: obscenity's English dataset plus whitelisted innocent words it would
 * otherwise flag, and insults, slurs and threats it does not cover.
 * @module
 */

import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
} from 'obscenity';

import type { ToxicityCategory } from './toxicity-category.js';

const sexualWords = new Set([
  'anal',
  'anus',
  'blowjob',
  'boob',
  'buttplug',
  'cock',
  'cum',
  'deepthroat',
  'dick',
  'dildo',
  'doggystyle',
  'double penetration',
  'ejaculate',
  'felch',
  'fellatio',
  'finger bang',
  'fisting',
  'gangbang',
  'handjob',
  'hentai',
  'hooker',
  'incest',
  'jerk off',
  'jizz',
  'lubejob',
  'masturbate',
  'orgasm',
  'orgy',
  'penis',
  'porn',
  'pussy',
  'semen',
  'sex',
  'tit',
  'vagina',
  'bestiality',
  'rape',
]);
const slurWords = new Set([
  'abo',
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'chink',
  'dyke',
  'fag',
  'kike',
  'negro',
  'nigger',
  'retard',
  'spastic',
  'tranny',
]);

/** Category of a word from obscenity's English dataset. */
export function englishCategory(word: string): ToxicityCategory {
  if (slurWords.has(word)) return 'slur';
  if (sexualWords.has(word)) return 'sexual';
  return 'profanity';
}

// Innocent words the English dataset matches; found by running it over test sentences.
const innocentWords: Record<string, string[]> = {
  shit: ['shiitake', 'shitake'],
  cock: ['cockpit', 'cockatoo', 'cockerel', 'cockle'],
  penis: ['penistone'],
  rape: ['rapeseed', 'rapese'],
  cum: ['cum laude'],
  tit: ['tit for tat', 'blue tit', 'great tit'],
};

type Entry = [word: string, category: ToxicityCategory, patterns: string[]];

// Written for text after the English transformers, which collapse repeated letters except
// b, e, o, l, s and g (those keep two: "kill", "dumbass").
const extraEntries: Entry[] = [
  ['damn', 'profanity', ['|damn|', '|damnit|', '|goddamn']],
  ['crap', 'profanity', ['|crap|', '|crapy|', '|craper|']],
  ['wtf', 'profanity', ['|wtf|', '|stfu|']],
  ['idiot', 'insult', ['|idiot']],
  ['moron', 'insult', ['|moron']],
  ['dumbass', 'insult', ['dumbass', 'dumb ass|']],
  ['loser', 'insult', ['|you loser', '|loser|']],
  ['stupid', 'insult', ['you stupid', 'you are stupid', "you're stupid"]],
  ['shut up', 'insult', ['|shut up|', '|shut the hell up']],
  ['scum', 'insult', ['|scum|', '|scumbag']],
  ['piece of trash', 'insult', ['piece of trash', 'piece of garbage', 'you are trash']],
  ['go to hell', 'insult', ['go to hell|', 'burn in hell|']],
  ['subhuman', 'slur', ['subhuman', 'sub-human', 'vermin like you']],
  ['go back to your country', 'slur', ['go back to your country', 'go back where you came from']],
  ['kill yourself', 'threat', ['kill yourself', '|kys|', 'i will kill you', "i'll kill you"]],
];

/** Metadata of the English lexicon; obscenity's own phrases carry only `originalWord`. */
export interface EnglishMetadata {
  originalWord: string;
  category?: ToxicityCategory;
}

/** English: obscenity's dataset with whitelisted innocent words, plus insults and threats. */
export const englishLexicon = new DataSet<EnglishMetadata>().addAll(englishDataset);
englishLexicon.addPhrase((phrase) => {
  for (const terms of Object.values(innocentWords)) {
    for (const term of terms) phrase.addWhitelistedTerm(term);
  }
  return phrase;
});
for (const [word, category, patterns] of extraEntries) {
  englishLexicon.addPhrase((phrase) => {
    phrase.setMetadata({ originalWord: word, category });
    for (const source of patterns) phrase.addPattern(parseRawPattern(source));
    return phrase;
  });
}

export { englishRecommendedTransformers as englishTransformers };
